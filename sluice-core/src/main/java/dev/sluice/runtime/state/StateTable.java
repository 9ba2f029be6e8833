package dev.sluice.runtime.state;

import dev.sluice.runtime.channel.KeyGroups;
import java.util.function.BiConsumer;

/**
 * The values of one piece of keyed state in one key group: an open-addressing hash table with
 * linear probing whose keys and values sit side by side in one array, so a lookup touches the slot
 * array and the key, not a chain of nodes. Callers pass the key's spread hash (computed once per
 * record by the backend) and may keep a slot index until the next insert or removal.
 * Single-threaded.
 */
final class StateTable<V> {
  private static final int GOLDEN = 0x9E3779B9;
  private static final int MIN_CAPACITY = 8;

  private Object[] slots; // key at 2i, value at 2i + 1
  /** Per entry, the snapshot version it was last written in (copy-on-write); null if untracked. */
  private int[] versions;
  private final boolean tracksVersions;
  private int capacity;
  private int shift;
  private int size;

  StateTable() {
    this(false);
  }

  /** With {@code tracksVersions}, each entry remembers the snapshot version it was written in. */
  StateTable(boolean tracksVersions) {
    this.tracksVersions = tracksVersions;
    allocate(MIN_CAPACITY);
  }

  private void allocate(int newCapacity) {
    capacity = newCapacity;
    shift = 32 - Integer.numberOfTrailingZeros(newCapacity);
    slots = new Object[2 * newCapacity];
    versions = tracksVersions ? new int[newCapacity] : null;
  }

  /** The snapshot version the entry at {@code slot} was last written in. */
  int versionAt(int slot) {
    return versions[slot >> 1];
  }

  void setVersionAt(int slot, int version) {
    if (versions != null) {
      versions[slot >> 1] = version;
    }
  }

  /** Index of the bucket to start probing at: the high bits of a Fibonacci hash. */
  private int home(int hash) {
    return (hash * GOLDEN) >>> shift;
  }

  /** The slot (an even index) holding {@code key}, or -1. */
  int find(Object key, int hash) {
    Object[] s = slots;
    int mask = capacity - 1;
    for (int i = home(hash); ; i = (i + 1) & mask) {
      Object k = s[2 * i];
      if (k == null) {
        return -1;
      }
      if (k == key || k.equals(key)) {
        return 2 * i;
      }
    }
  }

  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) slots[slot + 1];
  }

  void setValueAt(int slot, V value) {
    slots[slot + 1] = value;
  }

  /** Adds a key that is not in the table; returns its slot. */
  int insert(Object key, int hash, V value) {
    return insert(key, hash, value, 0);
  }

  /** Adds a key that is not in the table, written in snapshot version {@code version}. */
  int insert(Object key, int hash, V value, int version) {
    if (2 * (size + 1) > capacity) { // keep the load factor at most 1/2
      resize(capacity * 2);
    }
    int slot = place(slots, key, hash, value, version);
    size++;
    return slot;
  }

  private int place(Object[] s, Object key, int hash, Object value, int version) {
    int mask = capacity - 1;
    int i = home(hash);
    while (s[2 * i] != null) {
      i = (i + 1) & mask;
    }
    s[2 * i] = key;
    s[2 * i + 1] = value;
    if (versions != null) {
      versions[i] = version;
    }
    return 2 * i;
  }

  private void resize(int newCapacity) {
    Object[] old = slots;
    int[] oldVersions = versions;
    allocate(newCapacity);
    for (int j = 0; j < old.length; j += 2) {
      Object k = old[j];
      if (k != null) {
        place(slots, k, KeyGroups.spreadHash(k), old[j + 1], oldVersions == null ? 0 : oldVersions[j >> 1]);
      }
    }
  }

  /** Removes {@code key} if present, shifting later entries of its probe run back. */
  void remove(Object key, int hash) {
    int slot = find(key, hash);
    if (slot < 0) {
      return;
    }
    Object[] s = slots;
    int mask = capacity - 1;
    int hole = slot / 2;
    for (int i = (hole + 1) & mask; s[2 * i] != null; i = (i + 1) & mask) {
      int want = home(KeyGroups.spreadHash(s[2 * i]));
      // move entry i into the hole if its home is not in the cyclic range (hole, i]
      boolean stays = hole <= i ? (hole < want && want <= i) : (hole < want || want <= i);
      if (!stays) {
        s[2 * hole] = s[2 * i];
        s[2 * hole + 1] = s[2 * i + 1];
        if (versions != null) {
          versions[hole] = versions[i];
        }
        hole = i;
      }
    }
    s[2 * hole] = null;
    s[2 * hole + 1] = null;
    size--;
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<Object, V> action) {
    Object[] s = slots;
    for (int j = 0; j < s.length; j += 2) {
      if (s[j] != null) {
        action.accept(s[j], (V) s[j + 1]);
      }
    }
  }

  /** A copy of the key/value slots (keys at even, values at odd indexes; null where empty). */
  Object[] copySlots() {
    return slots.clone();
  }

  /** Number of slots (live or empty); slots are even indexes below twice this. */
  int slotCount() {
    return capacity;
  }

  /** The key at slot index {@code 2 * i}, or null when empty. */
  Object keyAt(int slot) {
    return slots[slot];
  }
}
