package dev.sluice.runtime.state;

import dev.sluice.api.common.state.ValueState;

/** A {@link ValueState} on the heap. */
public final class HeapValueState<T> implements HeapState, InternalValueState<T> {
  private final HeapStateStore<T> store;

  HeapValueState(HeapStateStore<T> store) {
    this.store = store;
  }

  @Override
  public T value() {
    return store.get();
  }

  @Override
  public void update(T value) {
    if (value == null) {
      store.remove();
    } else {
      store.put(value);
    }
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
