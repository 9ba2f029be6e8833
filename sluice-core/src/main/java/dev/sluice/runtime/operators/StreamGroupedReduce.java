package dev.sluice.runtime.operators;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.runtime.graph.FunctionCopies;
import dev.sluice.runtime.state.InternalValueState;

/**
 * A running reduce per key: each element is combined with the key's accumulated value, and the new
 * value is stored and emitted (sum, min, max, minBy, maxBy and reduce on a keyed stream).
 */
public final class StreamGroupedReduce<T> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
    implements OneInputStreamOperator<T, T> {
  private InternalValueState<T> accumulated;

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
    if (current == null) {
      accumulated.update(value);
      // The stored element may become the accumulator a function mutates in place: what goes
      // downstream must not be that object (a snapshot once per key; cheap).
      output.collect(isMutable(value) ? snapshot(value) : value, timestamp);
      return;
    }
    T next = userFunction.reduce(current, value);
    accumulated.update(next);
    if (next == current && isMutable(next)) {
      // Changed in place and returned, as Flink code often does (Flink's network copies it).
      // From now on every emitted value is a snapshot.
      mutatesInPlace = true;
    }
    output.collect(mutatesInPlace ? snapshot(next) : next, timestamp);
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
