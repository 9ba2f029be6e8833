package dev.sluice.runtime.state;

import dev.sluice.runtime.channel.KeyGroups;
import java.util.HashMap;
import java.util.Map;

/** Keyed state on the heap: per state name, one hash map per owned key group. */
public final class HeapKeyedStateBackend {
  private final int maxParallelism;
  private final int firstKeyGroup;
  private final int numKeyGroups;
  private final Map<String, HeapValueState<?>> valueStates = new HashMap<>();

  private Object currentKey;
  private int currentKeyHash;
  private int currentKeyGroupIndex = -1;
  /** Changes with every current key, so states can cache the entry of the current key. */
  private long keyEpoch;

  public HeapKeyedStateBackend(int maxParallelism, int subtask, int parallelism) {
    this.maxParallelism = maxParallelism;
    this.firstKeyGroup = KeyGroups.firstKeyGroup(subtask, maxParallelism, parallelism);
    this.numKeyGroups = KeyGroups.endKeyGroup(subtask, maxParallelism, parallelism) - firstKeyGroup;
  }

  /** Scopes all state to {@code key} until the next call. */
  public void setCurrentKey(Object key) {
    if (key == null) {
      throw new NullPointerException("A key selector returned null; keys must not be null");
    }
    int hash = KeyGroups.spreadHash(key);
    int keyGroup = KeyGroups.keyGroupForHash(hash, maxParallelism);
    int index = keyGroup - firstKeyGroup;
    if (index < 0 || index >= numKeyGroups) {
      throw new IllegalStateException("Key " + key + " belongs to key group " + keyGroup
          + ", which this subtask does not own (it owns " + firstKeyGroup + ".."
          + (firstKeyGroup + numKeyGroups - 1) + "); was the key selector not deterministic?");
    }
    currentKey = key;
    currentKeyHash = hash;
    currentKeyGroupIndex = index;
    keyEpoch++;
  }

  long keyEpoch() {
    return keyEpoch;
  }

  public Object currentKey() {
    return currentKey;
  }

  int currentKeyHash() {
    return currentKeyHash;
  }

  int currentKeyGroupIndex() {
    return currentKeyGroupIndex;
  }

  int numKeyGroups() {
    return numKeyGroups;
  }

  /** The value state called {@code name}, created on first use. */
  @SuppressWarnings("unchecked")
  public <T> HeapValueState<T> valueState(String name) {
    return (HeapValueState<T>) valueStates.computeIfAbsent(name, n -> new HeapValueState<>(this));
  }
}
