package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.MapFunction;

/** Runs a {@link MapFunction}; the result keeps the input's timestamp. */
public final class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  public StreamMap(MapFunction<IN, OUT> mapper) {
    super(mapper);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    output.collect(userFunction.map(value), timestamp);
  }
}
