package dev.sluice.runtime.state;

import dev.sluice.runtime.channel.KeyGroups;
import java.util.function.BiConsumer;

/**
 * Where one piece of heap state keeps its values: a {@link StateTable} per key group, entries for
 * the current key and namespace. The slot of the current (key, namespace) is remembered until
 * either changes, so a read followed by a write costs one probe.
 */
final class HeapStateStore<V> {
  private final HeapKeyedStateBackend backend;
  private final StateTable<V>[] tables;
  private Object namespace = VoidNamespace.INSTANCE;
  private long cachedEpoch = -1;
  private Object cachedNamespace;
  private StateTable<V> cachedTable;
  private int cachedGroup;
  private int cachedSlot;
  /** This state's position in the latest snapshot (set by the backend as it takes one). */
  int snapshotIndex = -1;

  @SuppressWarnings("unchecked")
  HeapStateStore(HeapKeyedStateBackend backend) {
    this.backend = backend;
    this.tables = new StateTable[backend.numKeyGroups()];
  }

  void setNamespace(Object namespace) {
    this.namespace = namespace == null ? VoidNamespace.INSTANCE : namespace;
  }

  Object namespace() {
    return namespace;
  }

  private Object storedKey(Object ns) {
    Object key = backend.currentKey();
    return ns == VoidNamespace.INSTANCE ? key : new NamespacedKey(key, ns);
  }

  private int storedHash(Object ns, Object storedKey) {
    return ns == VoidNamespace.INSTANCE ? backend.currentKeyHash() : KeyGroups.spreadHash(storedKey);
  }

  private void locate() {
    long epoch = backend.keyEpoch();
    if (cachedEpoch == epoch && cachedNamespace == namespace) {
      return;
    }
    int index = backend.currentKeyGroupIndex();
    if (index < 0) {
      throw new IllegalStateException("Keyed state used outside of a keyed context");
    }
    StateTable<V> table = tables[index];
    if (table == null) {
      table = tables[index] = new StateTable<>(copier != null);
    }
    Object stored = storedKey(namespace);
    cachedTable = table;
    cachedGroup = index;
    cachedSlot = table.find(stored, storedHash(namespace, stored));
    cachedEpoch = epoch;
    cachedNamespace = namespace;
  }

  /**
   * Deep-copies values of a mutable type before they may be changed while a snapshot that shares
   * them is being written (copy-on-write); null when values are immutable or nothing checkpoints.
   */
  private java.util.function.UnaryOperator<V> copier;

  /** Values of this state are mutable: copy a value shared with a running snapshot before use. */
  @SuppressWarnings("unchecked")
  void enableCopyOnWrite(java.util.function.UnaryOperator<Object> copier) {
    this.copier = (java.util.function.UnaryOperator<V>) copier;
    for (int i = 0; i < tables.length; i++) {
      StateTable<V> old = tables[i];
      if (old != null) { // restored entries: rebuild the table with versions
        StateTable<V> tracked = new StateTable<>(true);
        old.forEach((k, v) -> tracked.insert(k, KeyGroups.spreadHash(k), (V) v, 0));
        tables[i] = tracked;
      }
    }
    cachedEpoch = -1;
  }

  V get() {
    locate();
    if (cachedSlot < 0) {
      return null;
    }
    V value = cachedTable.valueAt(cachedSlot);
    if (copier != null && backend.snapshotsInFlight()) {
      int version = backend.snapshotVersion();
      if (cachedTable.versionAt(cachedSlot) != version) {
        // The running snapshot holds this object and the caller may change it: record its old
        // form for the snapshot's writer, or else work on a copy of it from now on.
        SnapshotPreImages pre = backend.preImages();
        if (pre == null || !pre.beforeChange(snapshotIndex, cachedGroup, cachedSlot, value)) {
          value = copier.apply(value);
          cachedTable.setValueAt(cachedSlot, value);
        }
        cachedTable.setVersionAt(cachedSlot, version);
      }
    }
    return value;
  }

  void put(V value) {
    locate();
    if (cachedSlot >= 0) {
      cachedTable.setValueAt(cachedSlot, value);
      cachedTable.setVersionAt(cachedSlot, backend.snapshotVersion());
    } else {
      Object stored = storedKey(namespace);
      cachedSlot = cachedTable.insert(stored, storedHash(namespace, stored), value, backend.snapshotVersion());
    }
  }

  void remove() {
    locate();
    if (cachedSlot >= 0) {
      Object stored = storedKey(namespace);
      cachedTable.remove(stored, storedHash(namespace, stored));
      cachedSlot = -1;
    }
  }

  /** Reads the current key's value in another namespace, leaving the current one as it was. */
  V getIn(Object ns) {
    Object saved = namespace;
    setNamespace(ns);
    try {
      return get();
    } finally {
      setNamespace(saved);
    }
  }

  /** Removes the current key's value in another namespace. */
  void removeIn(Object ns) {
    Object saved = namespace;
    setNamespace(ns);
    try {
      remove();
    } finally {
      setNamespace(saved);
    }
  }

  /** Writes the current key's value in another namespace. */
  void putIn(Object ns, V value) {
    Object saved = namespace;
    setNamespace(ns);
    try {
      put(value);
    } finally {
      setNamespace(saved);
    }
  }

  int size() {
    int n = 0;
    for (StateTable<V> t : tables) {
      n += t == null ? 0 : t.size();
    }
    return n;
  }

  /** Every (stored key, value) pair; a stored key is the key, or a {@code NamespacedKey}. */
  void forEach(BiConsumer<Object, V> action) {
    for (StateTable<V> t : tables) {
      if (t != null) {
        t.forEach(action);
      }
    }
  }

  /** Every key with a value in the default namespace (a snapshot, so the action may change state). */
  void forEachKey(java.util.function.Consumer<Object> action) {
    java.util.List<Object> keys = new java.util.ArrayList<>();
    forEach((stored, value) -> {
      if (!(stored instanceof NamespacedKey)) {
        keys.add(stored);
      }
    });
    keys.forEach(action);
  }

  /**
   * Copies the slots of every key group's table (the value objects are shared: mutable ones are
   * copied on their next use instead, see {@link #get}), passing values through {@code copier}
   * if given; an entry for which it returns null is left out.
   */
  Object[][] copyTables(java.util.function.UnaryOperator<Object> copier) {
    Object[][] copies = new Object[tables.length][];
    for (int i = 0; i < tables.length; i++) {
      StateTable<V> t = tables[i];
      if (t != null && t.size() > 0) {
        Object[] slots = t.copySlots();
        if (copier != null) {
          for (int j = 1; j < slots.length; j += 2) {
            if (slots[j] != null) {
              slots[j] = copier.apply(slots[j]);
              if (slots[j] == null) {
                slots[j - 1] = null; // dropped (expired)
              }
            }
          }
        }
        copies[i] = slots;
      }
    }
    return copies;
  }

  /** Adds an entry read from a checkpoint to the table of key group index {@code index}. */
  @SuppressWarnings("unchecked")
  void restoreEntry(int index, Object key, Object namespace, Object value) {
    StateTable<V> table = tables[index];
    if (table == null) {
      table = tables[index] = new StateTable<>(copier != null);
    }
    Object stored = namespace == null ? key : new NamespacedKey(key, namespace);
    int hash = KeyGroups.spreadHash(stored);
    int slot = table.find(stored, hash);
    if (slot >= 0) {
      table.setValueAt(slot, (V) value);
    } else {
      table.insert(stored, hash, (V) value);
    }
    cachedEpoch = -1;
  }

  private int sweepTable;
  private int sweepSlot;

  /**
   * Passes up to {@code entries} entries through {@code cleaner}, continuing where the last call
   * stopped: an entry it maps to null is removed, one it maps to another value is replaced.
   */
  @SuppressWarnings("unchecked")
  void sweep(int entries, java.util.function.UnaryOperator<Object> cleaner) {
    int visited = 0;
    int tablesWithoutEntries = 0; // a full round without a live entry ends the step
    while (visited < entries && tablesWithoutEntries <= tables.length) {
      StateTable<V> t = tables[sweepTable];
      if (t == null || sweepSlot >= 2 * t.slotCount()) {
        sweepTable = sweepTable + 1 == tables.length ? 0 : sweepTable + 1;
        sweepSlot = 0;
        tablesWithoutEntries++;
        continue;
      }
      Object key = t.keyAt(sweepSlot);
      if (key == null) {
        sweepSlot += 2;
        continue;
      }
      visited++;
      tablesWithoutEntries = 0;
      Object value = t.valueAt(sweepSlot);
      Object cleaned = cleaner.apply(value);
      if (cleaned == null) {
        t.remove(key, KeyGroups.spreadHash(key)); // a later entry may move into this slot
        cachedEpoch = -1;
      } else {
        if (cleaned != value) {
          t.setValueAt(sweepSlot, (V) cleaned);
          t.setVersionAt(sweepSlot, backend.snapshotVersion());
        }
        sweepSlot += 2;
      }
    }
  }
}
