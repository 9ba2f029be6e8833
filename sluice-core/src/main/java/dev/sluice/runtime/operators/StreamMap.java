package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.MapFunction;

/** Runs a {@link MapFunction}; the result keeps the input's timestamp. */
public final class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT>, BatchOperator {
  private Object[] results = new Object[0];

  public StreamMap(MapFunction<IN, OUT> mapper) {
    super(mapper);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    output.collect(userFunction.map(value), timestamp);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processBatch(Object[] values, long[] timestamps, int size) throws Exception {
    Object[] out = results.length >= size ? results : (results = new Object[size]);
    MapFunction<IN, OUT> fn = userFunction;
    for (int i = 0; i < size; i++) {
      recordsIn++;
      out[i] = fn.map((IN) values[i]);
    }
    output.collectBatch(out, timestamps, size); // a map keeps every timestamp: reuse the input's
  }
}
