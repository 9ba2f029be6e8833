package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.runtime.graph.FunctionCopies;
import dev.sluice.runtime.typeutils.Aggregations;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.runtime.state.KeyedStateBackend;

/**
 * A running reduce per key: each element is combined with the key's accumulated value, and the new
 * value is stored and emitted (sum, min, max, minBy, maxBy and reduce on a keyed stream).
 */
public final class StreamGroupedReduce<T> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
    implements OneInputStreamOperator<T, T>, KeyedBatchOperator {
  private InternalValueState<T> accumulated;
  private KeyedStateBackend keyedBackend;
  /** The function is a built-in aggregation: it never changes an argument in place. */
  private final boolean neverChangesItsArguments;

  public StreamGroupedReduce(ReduceFunction<T> reducer) {
    super(reducer);
    this.neverChangesItsArguments = Aggregations.neverChangesItsArguments(reducer);
  }

  @Override
  public void open() throws Exception {
    super.open();
    keyedBackend = context.keyedState();
    accumulated = keyedBackend.valueState("reduce:" + context.operatorName());
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    output.collect(reduce(value), timestamp);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processKeyedBatch(Object[] values, long[] timestamps, Object[] keys, int size) throws Exception {
    KeyedStateBackend backend = keyedBackend;
    Object[] held = null; // a new array per batch: see StreamMap
    int n = 0;
    boolean holding = true;
    for (int i = 0; i < size; i++) {
      recordsIn++;
      backend.setCurrentKey(keys[i]);
      T result = reduce((T) values[i]);
      if (holding && !safeToHold(result)) {
        // a later record of this batch could change this result in place before the batch went
        // on (a function that returns a new object now and changes its argument later): what is
        // held goes now, the rest one by one, as on the per-record path
        if (n > 0) {
          output.collectBatch(held, timestamps, n);
        }
        holding = false;
      }
      if (holding) {
        if (held == null) {
          held = new Object[size];
        }
        held[n++] = result; // records 0..n-1: the timestamps line up
      } else {
        output.collect(result, timestamps[i]);
      }
    }
    if (holding && n > 0) {
      output.collectBatch(held, timestamps, n);
    }
  }

  /** Whether an emitted result can wait for the end of its batch unchanged. */
  private boolean safeToHold(T result) {
    return neverChangesItsArguments || mutatesInPlace || !isMutable(result); // (then copies are emitted)
  }

  /** Combines {@code value} into the current key's accumulated value; returns what to emit. */
  private T reduce(T value) throws Exception {
    T current = accumulated.value();
    if (current == null) {
      accumulated.update(value);
      // The stored element may become the accumulator a function mutates in place: what goes
      // downstream must not be that object (a snapshot once per key; cheap).
      return isMutable(value) ? snapshot(value) : value;
    }
    T next = userFunction.reduce(current, value);
    accumulated.update(next);
    if (next == current && isMutable(next)) {
      // Changed in place and returned, as Flink code often does (Flink's network copies it).
      // From now on every emitted value is a snapshot.
      mutatesInPlace = true;
    }
    return mutatesInPlace ? snapshot(next) : next;
  }

  private boolean mutatesInPlace;

  @SuppressWarnings("unchecked")
  private static <T> T snapshot(T value) {
    if (value instanceof dev.sluice.api.java.tuple.Tuple tuple) {
      return (T) tuple.copy();
    }
    return FunctionCopies.shallowCopy(value);
  }

  private Class<?> checkedClass;
  private boolean checkedMutable;

  /** Whether a function could change {@code o} in place (cached per class: isRecord is slow). */
  private boolean isMutable(Object o) {
    Class<?> c = o.getClass();
    if (c != checkedClass) {
      checkedMutable = !(o instanceof Number || o instanceof CharSequence || o instanceof Boolean
          || o instanceof Character || o instanceof Enum<?> || c.isRecord());
      checkedClass = c;
    }
    return checkedMutable;
  }
}
