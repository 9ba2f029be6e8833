package dev.sluice.runtime.state;

import dev.sluice.api.common.state.ValueState;

/**
 * A {@link ValueState} on the heap: one {@link StateTable} per key group. The slot of the current
 * key is remembered until the key changes, so the usual {@code value()} then {@code update()}
 * costs one probe.
 */
public final class HeapValueState<T> implements ValueState<T> {
  private final HeapKeyedStateBackend backend;
  private final StateTable<T>[] tables;
  private long cachedEpoch = -1;
  private StateTable<T> cachedTable;
  private int cachedSlot;

  @SuppressWarnings("unchecked")
  HeapValueState(HeapKeyedStateBackend backend) {
    this.backend = backend;
    this.tables = new StateTable[backend.numKeyGroups()];
  }

  /** Positions the cache on the current key: its table, and its slot or -1. */
  private void locate() {
    long epoch = backend.keyEpoch();
    if (cachedEpoch == epoch) {
      return;
    }
    int index = backend.currentKeyGroupIndex();
    if (index < 0) {
      throw new IllegalStateException("Keyed state used outside of a keyed context");
    }
    StateTable<T> table = tables[index];
    if (table == null) {
      table = tables[index] = new StateTable<>();
    }
    cachedTable = table;
    cachedSlot = table.find(backend.currentKey(), backend.currentKeyHash());
    cachedEpoch = epoch;
  }

  @Override
  public T value() {
    locate();
    return cachedSlot < 0 ? null : cachedTable.valueAt(cachedSlot);
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
      return;
    }
    locate();
    if (cachedSlot >= 0) {
      cachedTable.setValueAt(cachedSlot, value);
    } else {
      cachedSlot = cachedTable.insert(backend.currentKey(), backend.currentKeyHash(), value);
    }
  }

  @Override
  public void clear() {
    locate();
    if (cachedSlot >= 0) {
      cachedTable.remove(backend.currentKey(), backend.currentKeyHash());
      cachedSlot = -1;
    }
  }

  /** Number of keys with a value, over all key groups. */
  public int size() {
    int n = 0;
    for (StateTable<T> t : tables) {
      n += t == null ? 0 : t.size();
    }
    return n;
  }
}
