package dev.sluice.runtime.state;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.state.AggregatingState;
import java.util.Collection;

/** An {@link AggregatingState} on the heap: an accumulator per key and namespace. */
public final class HeapAggregatingState<IN, ACC, OUT>
    implements HeapState, AggregatingState<IN, OUT>, InternalKeyedState<Object> {
  private final HeapStateStore<ACC> store;
  private final AggregateFunction<IN, ACC, OUT> function;

  HeapAggregatingState(HeapStateStore<ACC> store, AggregateFunction<IN, ACC, OUT> function) {
    this.store = store;
    this.function = function;
  }

  @Override
  public OUT get() {
    ACC acc = store.get();
    return acc == null ? null : function.getResult(acc);
  }

  /** The raw accumulator of the current key and namespace, or null. */
  public ACC getAccumulator() {
    return store.get();
  }

  @Override
  public void add(IN value) {
    ACC acc = store.get();
    if (acc == null) {
      acc = function.createAccumulator();
    }
    store.put(function.add(value, acc));
  }

  @Override
  public void clear() {
    store.remove();
  }

  @Override
  public void setCurrentNamespace(Object namespace) {
    store.setNamespace(namespace);
  }

  @Override
  public void mergeNamespaces(Object target, Collection<Object> sources) {
    ACC merged = store.getIn(target);
    for (Object source : sources) {
      if (source.equals(target)) {
        continue;
      }
      ACC part = store.getIn(source);
      if (part != null) {
        merged = merged == null ? part : function.merge(merged, part);
        store.removeIn(source);
      }
    }
    if (merged != null) {
      store.putIn(target, merged);
    }
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public void forEachKey(java.util.function.Consumer<Object> action) {
    store.forEachKey(action);
  }

  @Override
  public HeapStateStore<?> store() {
    return store;
  }
}
