package dev.sluice.runtime.state;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.state.ReducingState;
import java.util.Collection;

/** A {@link ReducingState} on the heap. */
public final class HeapReducingState<T> implements HeapState, ReducingState<T>, InternalKeyedState<Object> {
  private final HeapStateStore<T> store;
  private final ReduceFunction<T> reducer;

  HeapReducingState(HeapStateStore<T> store, ReduceFunction<T> reducer) {
    this.store = store;
    this.reducer = reducer;
  }

  @Override
  public T get() {
    return store.get();
  }

  @Override
  public void add(T value) throws Exception {
    if (value == null) {
      return;
    }
    T current = store.get();
    store.put(current == null ? value : reducer.reduce(current, value));
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
  public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    T merged = store.getIn(target);
    for (Object source : sources) {
      if (source.equals(target)) {
        continue;
      }
      T part = store.getIn(source);
      if (part != null) {
        merged = merged == null ? part : reducer.reduce(merged, part);
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
