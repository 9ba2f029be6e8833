package dev.sluice.runtime.state;

import dev.sluice.api.common.state.ValueState;
import java.util.HashMap;

/** A {@link ValueState} on the heap, one hash map per key group. */
public final class HeapValueState<T> implements ValueState<T> {
  private final HeapKeyedStateBackend backend;
  private final HashMap<Object, T>[] tables;

  @SuppressWarnings("unchecked")
  HeapValueState(HeapKeyedStateBackend backend) {
    this.backend = backend;
    this.tables = new HashMap[backend.numKeyGroups()];
  }

  private HashMap<Object, T> table() {
    int index = backend.currentKeyGroupIndex();
    if (index < 0) {
      throw new IllegalStateException("Keyed state used outside of a keyed context");
    }
    HashMap<Object, T> table = tables[index];
    if (table == null) {
      table = tables[index] = new HashMap<>();
    }
    return table;
  }

  @Override
  public T value() {
    return table().get(backend.currentKey());
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
    } else {
      table().put(backend.currentKey(), value);
    }
  }

  @Override
  public void clear() {
    table().remove(backend.currentKey());
  }

  /** Number of keys with a value, over all key groups. */
  public int size() {
    int n = 0;
    for (HashMap<Object, T> t : tables) {
      n += t == null ? 0 : t.size();
    }
    return n;
  }
}
