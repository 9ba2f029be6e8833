package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.runtime.graph.FunctionCopies;
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

  public StreamGroupedReduce(ReduceFunction<T> reducer) {
    super(reducer);
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
    Object[] out = new Object[size]; // a new array per batch: see StreamMap
    for (int i = 0; i < size; i++) {
      recordsIn++;
      backend.setCurrentKey(keys[i]);
      out[i] = reduce((T) values[i]);
    }
    output.collectBatch(out, timestamps, size); // one result per record, same timestamps
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
