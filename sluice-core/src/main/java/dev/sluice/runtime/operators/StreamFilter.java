package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.FilterFunction;

/** Forwards the elements a {@link FilterFunction} accepts. */
public final class StreamFilter<T> extends AbstractUdfStreamOperator<T, FilterFunction<T>>
    implements OneInputStreamOperator<T, T> {
  public StreamFilter(FilterFunction<T> filter) {
    super(filter);
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    if (userFunction.filter(value)) {
      output.collect(value, timestamp);
    }
  }
}
