package dev.sluice.runtime.operators.co;

import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.streaming.api.functions.co.CoMapFunction;

/** Runs a {@link CoMapFunction}. */
public final class CoStreamMap<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, CoMapFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  public CoStreamMap(CoMapFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    output.collect(userFunction.map1(value), timestamp);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    output.collect(userFunction.map2(value), timestamp);
  }
}
