package dev.sluice.runtime.operators;

import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.util.OutputTag;

/** Runs a {@link ProcessFunction} on a non-keyed stream. */
public final class ProcessOperator<IN, OUT>
    extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;
  private long elementTimestamp;

  public ProcessOperator(ProcessFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    ctx = new ContextImpl(userFunction, new NonKeyedTimerService(this));
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    elementTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processElement(value, ctx, collector);
  }

  private final class ContextImpl extends ProcessFunction<IN, OUT>.Context {
    private final TimerService timers;

    ContextImpl(ProcessFunction<IN, OUT> function, TimerService timers) {
      function.super();
      this.timers = timers;
    }

    @Override
    public Long timestamp() {
      return elementTimestamp == RecordBatch.NO_TIMESTAMP ? null : elementTimestamp;
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      if (outputTag == null) {
        throw new IllegalArgumentException("The side output tag must not be null");
      }
      output.collect(outputTag, value, elementTimestamp);
    }
  }
}
