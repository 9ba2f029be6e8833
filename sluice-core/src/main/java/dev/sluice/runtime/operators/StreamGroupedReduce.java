package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.runtime.state.HeapValueState;

/**
 * A running reduce per key: each element is combined with the key's accumulated value, and the new
 * value is stored and emitted (sum, min, max, minBy, maxBy and reduce on a keyed stream).
 */
public final class StreamGroupedReduce<T> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
    implements OneInputStreamOperator<T, T> {
  private HeapValueState<T> accumulated;

  public StreamGroupedReduce(ReduceFunction<T> reducer) {
    super(reducer);
  }

  @Override
  public void open() throws Exception {
    super.open();
    accumulated = context.keyedState().valueState("reduce:" + context.operatorName());
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    T current = accumulated.value();
    T next = current == null ? value : userFunction.reduce(current, value);
    accumulated.update(next);
    output.collect(next, timestamp);
  }
}
