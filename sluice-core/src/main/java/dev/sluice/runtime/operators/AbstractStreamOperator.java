package dev.sluice.runtime.operators;

/** Base of the built-in operators: keeps context, output and the current watermark. */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
  protected OperatorContext context;
  protected Output<OUT> output;
  protected long currentWatermark = Long.MIN_VALUE;

  /** Records received so far; maintained by the caller, read for error positions and metrics. */
  public long recordsIn;

  @Override
  public void setup(OperatorContext context, Output<OUT> output) {
    this.context = context;
    this.output = output;
  }

  @Override
  public void open() throws Exception {}

  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    output.emitWatermark(watermark);
  }

  @Override
  public void finish() throws Exception {}

  @Override
  public void close() throws Exception {}

  @Override
  public OperatorContext context() {
    return context;
  }

  /** Wraps a failure on the record at the current position. */
  public OperatorException failure(Object record, Throwable cause) {
    return new OperatorException(context.operatorName(), context.taskInfo(), recordsIn, record, cause);
  }
}
