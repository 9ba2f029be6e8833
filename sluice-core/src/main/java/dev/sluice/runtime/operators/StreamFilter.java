package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.FilterFunction;

/** Forwards the elements a {@link FilterFunction} accepts. */
public final class StreamFilter<T> extends AbstractUdfStreamOperator<T, FilterFunction<T>>
    implements OneInputStreamOperator<T, T>, BatchOperator {
  private long[] keptTimestamps = new long[0];

  public StreamFilter(FilterFunction<T> filter) {
    super(filter);
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    if (userFunction.filter(value)) {
      output.collect(value, timestamp);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processBatch(Object[] values, long[] timestamps, int size) throws Exception {
    if (keptTimestamps.length < size) {
      keptTimestamps = new long[size];
    }
    Object[] out = new Object[size]; // young, see StreamMap
    long[] outTs = keptTimestamps;
    FilterFunction<T> fn = userFunction;
    int n = 0;
    for (int i = 0; i < size; i++) {
      recordsIn++;
      Object value = values[i];
      if (fn.filter((T) value)) {
        out[n] = value;
        outTs[n] = timestamps[i];
        n++;
      }
    }
    if (n > 0) {
      output.collectBatch(out, outTs, n);
    }
  }
}
