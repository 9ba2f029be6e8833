package dev.sluice.runtime.operators.co;

import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.streaming.api.functions.co.CoFlatMapFunction;

/** Runs a {@link CoFlatMapFunction}. */
public final class CoStreamFlatMap<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, CoFlatMapFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private TimestampedCollector<OUT> collector;

  public CoStreamFlatMap(CoFlatMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    userFunction.flatMap1(value, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    userFunction.flatMap2(value, collector);
  }
}
