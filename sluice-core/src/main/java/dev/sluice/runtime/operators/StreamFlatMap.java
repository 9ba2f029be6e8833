package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.FlatMapFunction;

/** Runs a {@link FlatMapFunction}; every result keeps the input's timestamp. */
public final class StreamFlatMap<IN, OUT>
    extends AbstractUdfStreamOperator<OUT, FlatMapFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;

  public StreamFlatMap(FlatMapFunction<IN, OUT> flatMapper) {
    super(flatMapper);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    userFunction.flatMap(value, collector);
  }
}
