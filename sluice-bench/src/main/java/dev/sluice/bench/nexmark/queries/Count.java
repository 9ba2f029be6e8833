package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.AggregateFunction;

/** Counts elements in a one-element array, so that counting allocates nothing per element. */
final class Count<T> implements AggregateFunction<T, long[], Long> {
  private static final long serialVersionUID = 1L;

  @Override
  public long[] createAccumulator() {
    return new long[1];
  }

  @Override
  public long[] add(T value, long[] acc) {
    acc[0]++;
    return acc;
  }

  @Override
  public Long getResult(long[] acc) {
    return acc[0];
  }

  @Override
  public long[] merge(long[] a, long[] b) {
    a[0] += b[0];
    return a;
  }
}
