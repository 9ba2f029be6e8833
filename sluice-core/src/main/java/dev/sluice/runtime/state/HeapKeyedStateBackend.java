package dev.sluice.runtime.state;

import dev.sluice.runtime.channel.KeyGroups;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.state.AggregatingStateDescriptor;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.state.ValueStateDescriptor;
import java.util.HashMap;
import java.util.Map;

/** Keyed state on the heap: per state name, one hash map per owned key group. */
public final class HeapKeyedStateBackend {
  private final int maxParallelism;
  private final int firstKeyGroup;
  private final int numKeyGroups;
  private final Map<String, Object> states = new HashMap<>();

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
    if (hash == currentKeyHash && currentKeyGroupIndex >= 0 && key.equals(currentKey)) {
      return; // the same key again (bursts are common): states keep their cached entries
    }
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

  /** The value state called {@code name}, created on first use (for built-in operators). */
  @SuppressWarnings("unchecked")
  public <T> HeapValueState<T> valueState(String name) {
    return (HeapValueState<T>) register(name, HeapValueState.class, () -> new HeapValueState<>(this));
  }

  /** The state a descriptor names, created on first use; the same name gives the same state. */
  @SuppressWarnings("unchecked")
  public <S extends State> S getOrCreate(StateDescriptor<S, ?> descriptor) {
    String name = descriptor.getName();
    if (descriptor instanceof ValueStateDescriptor<?>) {
      return (S) register(name, HeapValueState.class, () -> new HeapValueState<>(this));
    }
    if (descriptor instanceof ListStateDescriptor<?>) {
      return (S) register(name, HeapListState.class, () -> new HeapListState<>(this));
    }
    if (descriptor instanceof MapStateDescriptor<?, ?>) {
      return (S) register(name, HeapMapState.class, () -> new HeapMapState<>(this));
    }
    if (descriptor instanceof ReducingStateDescriptor<?> r) {
      return (S) register(name, HeapReducingState.class,
          () -> new HeapReducingState<>(this, (ReduceFunction<Object>) r.getReduceFunction()));
    }
    if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> a) {
      return (S) register(name, HeapAggregatingState.class,
          () -> new HeapAggregatingState<>(this, (AggregateFunction<Object, Object, Object>) a.getAggregateFunction()));
    }
    throw new IllegalArgumentException("Unknown kind of state descriptor: " + descriptor.getClass().getName());
  }

  private Object register(String name, Class<?> kind, java.util.function.Supplier<Object> create) {
    Object state = states.get(name);
    if (state == null) {
      state = create.get();
      states.put(name, state);
    } else if (!kind.isInstance(state)) {
      throw new IllegalStateException("The state '" + name + "' was registered as a "
          + state.getClass().getSimpleName().replace("Heap", "") + " and is now asked for as a "
          + kind.getSimpleName().replace("Heap", "") + "; use another name");
    }
    return state;
  }

  /** Names of the states registered so far. */
  public java.util.Set<String> stateNames() {
    return java.util.Collections.unmodifiableSet(states.keySet());
  }

  /**
   * Runs {@code function} for every key that has a value in the state {@code descriptor} names,
   * with the current key set to it; the current key is restored afterwards.
   */
  @SuppressWarnings("unchecked")
  public <K, S extends State> void applyToAllKeys(StateDescriptor<S, ?> descriptor,
      KeyedStateFunction<K, S> function) throws Exception {
    S state = getOrCreate(descriptor);
    java.util.List<Object> keys = new java.util.ArrayList<>();
    ((InternalKeyedState<?>) state).forEachKey(keys::add);
    Object saved = currentKey;
    try {
      for (Object key : keys) {
        setCurrentKey(key);
        function.process((K) key, state);
      }
    } finally {
      if (saved != null) {
        setCurrentKey(saved);
      }
    }
  }
}
