package dev.sluice.runtime.state;

import dev.sluice.api.common.state.ValueState;
import java.util.HashMap;

/**
 * A {@link ValueState} on the heap, one hash map per key group. Values sit in small mutable
 * entries, and the entry of the current key is remembered until the key changes, so the usual
 * {@code value()} then {@code update()} costs one hash lookup, not two.
 */
public final class HeapValueState<T> implements ValueState<T> {
  private final HeapKeyedStateBackend backend;
  private final HashMap<Object, Entry<T>>[] tables;
  private long cachedEpoch = -1;
  private Entry<T> cachedEntry;

  /** The value of one key. */
  private static final class Entry<T> {
    T value;

    Entry(T value) {
      this.value = value;
    }
  }

  @SuppressWarnings("unchecked")
  HeapValueState(HeapKeyedStateBackend backend) {
    this.backend = backend;
    this.tables = new HashMap[backend.numKeyGroups()];
  }

  private HashMap<Object, Entry<T>> table() {
    int index = backend.currentKeyGroupIndex();
    if (index < 0) {
      throw new IllegalStateException("Keyed state used outside of a keyed context");
    }
    HashMap<Object, Entry<T>> table = tables[index];
    if (table == null) {
      table = tables[index] = new HashMap<>();
    }
    return table;
  }

  private Entry<T> entry() {
    long epoch = backend.keyEpoch();
    if (cachedEpoch != epoch) {
      cachedEntry = table().get(backend.currentKey());
      cachedEpoch = epoch;
    }
    return cachedEntry;
  }

  @Override
  public T value() {
    Entry<T> e = entry();
    return e == null ? null : e.value;
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
      return;
    }
    Entry<T> e = entry();
    if (e != null) {
      e.value = value;
    } else {
      cachedEntry = new Entry<>(value);
      table().put(backend.currentKey(), cachedEntry);
    }
  }

  @Override
  public void clear() {
    table().remove(backend.currentKey());
    cachedEntry = null;
    cachedEpoch = backend.keyEpoch();
  }

  /** Number of keys with a value, over all key groups. */
  public int size() {
    int n = 0;
    for (HashMap<Object, Entry<T>> t : tables) {
      n += t == null ? 0 : t.size();
    }
    return n;
  }
}
