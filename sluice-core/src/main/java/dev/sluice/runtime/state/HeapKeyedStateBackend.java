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
import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSchemaCompatibility;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshots;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.InternalTimerService.TimerEntry;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Keyed state on the heap: per state name, one hash map per owned key group. */
public final class HeapKeyedStateBackend implements KeyedStateBackend {
  private final int maxParallelism;
  private final int firstKeyGroup;
  private final int numKeyGroups;
  private final Map<String, Registered> states = new LinkedHashMap<>();
  private final KeyedStateFormat.Timers timers = new KeyedStateFormat.Timers();
  /** Serializers come from here; null when the job does not checkpoint. */
  private ExecutionConfig serializerConfig;
  /** States read from a checkpoint, waiting for the operator to ask for them. */
  private final Map<String, Restored> restored = new HashMap<>();

  private record Registered(Object state, StateKind kind, TypeSerializer<Object> serializer,
      HeapStateStore<Object> store) {}

  private record Restored(StateKind kind, TypeSerializerSnapshot<Object> format, HeapStateStore<Object> store) {}

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
  @Override
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

  @Override
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
  @Override
  public <T> HeapValueState<T> valueState(String name) {
    return valueState(name, DynamicSerializer.INSTANCE);
  }

  /**
   * The value state called {@code name}, created on first use, whose values checkpoints encode
   * with {@code serializer} (for built-in operators with state of their own classes).
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> HeapValueState<T> valueState(String name, TypeSerializer<?> serializer) {
    return (HeapValueState<T>) register(name, StateKind.VALUE, () -> (TypeSerializer) serializer,
        store -> new HeapValueState<>(store));
  }

  /** The state a descriptor names, created on first use; the same name gives the same state. */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <S extends State> S getOrCreate(StateDescriptor<S, ?> descriptor) {
    String name = descriptor.getName();
    if (descriptor instanceof ValueStateDescriptor<?>) {
      return (S) register(name, StateKind.VALUE, () -> declaredSerializer(descriptor),
          store -> new HeapValueState<>(store));
    }
    if (descriptor instanceof ListStateDescriptor<?>) {
      return (S) register(name, StateKind.LIST, () -> declaredSerializer(descriptor),
          store -> new HeapListState<>((HeapStateStore) store));
    }
    if (descriptor instanceof MapStateDescriptor<?, ?>) {
      return (S) register(name, StateKind.MAP, () -> declaredSerializer(descriptor),
          store -> new HeapMapState<>((HeapStateStore) store));
    }
    if (descriptor instanceof ReducingStateDescriptor<?> r) {
      return (S) register(name, StateKind.REDUCING, () -> declaredSerializer(descriptor),
          store -> new HeapReducingState<>(store, (ReduceFunction<Object>) r.getReduceFunction()));
    }
    if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> a) {
      return (S) register(name, StateKind.AGGREGATING, () -> declaredSerializer(descriptor),
          store -> new HeapAggregatingState<>(store,
              (AggregateFunction<Object, Object, Object>) a.getAggregateFunction()));
    }
    throw new IllegalArgumentException("Unknown kind of state descriptor: " + descriptor.getClass().getName());
  }

  /**
   * The serializer of a state's values: the descriptor's (given, or from its declared type), or
   * by runtime class when the type was left as {@code Object} (built-in operators' window state).
   */
  private TypeSerializer<Object> declaredSerializer(StateDescriptor<?, ?> descriptor) {
    return StateSerializers.declared(descriptor, serializerConfig);
  }

  private Object register(String name, StateKind kind, Supplier<TypeSerializer<Object>> serializer,
      Function<HeapStateStore<Object>, Object> create) {
    Registered registered = states.get(name);
    if (registered == null) {
      Restored r = restored.remove(name);
      // serializers are needed to checkpoint, and to check that restored state still fits
      TypeSerializer<Object> valueSerializer = serializerConfig == null && r == null ? null : serializer.get();
      HeapStateStore<Object> store;
      if (r != null) {
        if (r.kind != kind) {
          throw new IllegalStateException("The state '" + name + "' was a " + r.kind.displayName()
              + " in the checkpoint and is now asked for as a " + kind.displayName());
        }
        if (valueSerializer != null) {
          TypeSerializerSchemaCompatibility<Object> compatibility =
              r.format.resolveSchemaCompatibility(valueSerializer);
          if (compatibility.isIncompatible()) {
            throw new IllegalStateException("The state '" + name
                + "' cannot be restored: its type changed incompatibly (" + compatibility.reason() + ")");
          }
        }
        store = r.store;
      } else {
        store = new HeapStateStore<>(this);
      }
      if (serializerConfig != null && !valueSerializer.isImmutableType()) {
        store.enableCopyOnWrite(valueSerializer::copy);
      }
      registered = new Registered(create.apply(store), kind, valueSerializer, store);
      states.put(name, registered);
    } else if (registered.kind != kind) {
      throw new IllegalStateException("The state '" + name + "' was registered as a "
          + registered.kind.displayName() + " and is now asked for as a " + kind.displayName() + "; use another name");
    }
    return registered.state;
  }

  /**
   * Makes the states of this backend checkpointable: their serializers are chosen (from {@code
   * config}) as they are registered, so a type that cannot be encoded fails when the operator
   * opens, not at the first checkpoint.
   */
  @Override
  public void enableSnapshots(ExecutionConfig config) {
    this.serializerConfig = config;
  }

  /** How expired values of a state with a time to live are recognised and cleaned. */
  private record Expiry(java.util.function.UnaryOperator<Object> cleaner, boolean inSnapshots) {}

  private final Map<String, Expiry> expiries = new HashMap<>();

  @Override
  public Runnable setExpiry(String name, java.util.function.UnaryOperator<Object> cleaner, int cleanupSize,
      boolean inSnapshots) {
    Registered r = states.get(name);
    if (r == null) {
      throw new IllegalStateException("No state '" + name + "' is registered");
    }
    expiries.put(name, new Expiry(cleaner, inSnapshots));
    if (cleanupSize <= 0) {
      return () -> {};
    }
    HeapStateStore<Object> store = r.store;
    return () -> store.sweep(cleanupSize, cleaner);
  }

  @Override
  public boolean snapshotsEnabled() {
    return serializerConfig != null;
  }

  /** Called by an operator creating a timer service: its timers become part of snapshots. */
  @Override
  public void registerTimerService(InternalTimerService<?> service) {
    timers.register(service);
  }

  @Override
  public boolean storesCopies() {
    return false;
  }

  /** Heap state holds no resources beyond memory; the tables are dropped. */
  @Override
  public void close() {
    states.clear();
    restored.clear();
  }

  /**
   * Copies the state and timers (the synchronous part of a checkpoint). Values of mutable types
   * are deep-copied, so processing may go on while the copy is written.
   */
  @Override
  public KeyedStateSnapshot snapshot() {
    if (serializerConfig == null) {
      throw new IllegalStateException("Snapshots were not enabled for this keyed state");
    }
    List<StateCopy> copies = new ArrayList<>(states.size());
    states.forEach((name, r) -> {
      // The copy shares the value objects: a mutable value is copied when it is next used while
      // the snapshot is being written (copy-on-write), so the pause is the shallow copy only.
      Expiry expiry = expiries.get(name);
      java.util.function.UnaryOperator<Object> filter =
          expiry != null && expiry.inSnapshots() ? expiry.cleaner() : null;
      r.store.snapshotIndex = copies.size();
      copies.add(new StateCopy(name, r.kind, r.serializer, r.store.copyTables(filter)));
    });
    version++;
    SnapshotPreImages pre = null;
    if (inFlight.incrementAndGet() == 1) { // with two in flight, values shared with both are copied
      Object[][][] slots = new Object[copies.size()][][];
      @SuppressWarnings("unchecked")
      TypeSerializer<Object>[] serializers = new TypeSerializer[copies.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = copies.get(i).tables();
        serializers[i] = copies.get(i).serializer();
      }
      pre = new SnapshotPreImages(numKeyGroups, slots, serializers);
    }
    preImages.set(pre);
    return new HeapSnapshot(copies, timers.snapshot(maxParallelism), pre);
  }

  private record StateCopy(String name, StateKind kind, TypeSerializer<Object> serializer, Object[][] tables) {}

  /** Snapshot version: increases with every snapshot; entries written since carry the new one. */
  private int version = 1;
  /** Snapshots taken and not yet written out (released by the writer thread). */
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

  int snapshotVersion() {
    return version;
  }

  boolean snapshotsInFlight() {
    return inFlight.get() > 0;
  }

  /** Where values shared with the snapshot in flight are recorded before they change; or null. */
  private final java.util.concurrent.atomic.AtomicReference<SnapshotPreImages> preImages =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** The pre-images of the only snapshot in flight, or null (then shared values are copied). */
  SnapshotPreImages preImages() {
    return preImages.get();
  }

  private final class HeapSnapshot implements KeyedStateSnapshot {
    private final List<StateCopy> copies;
    private final KeyedStateFormat.TimerCopy timers;
    private final SnapshotPreImages pre;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void release() {
      if (released.compareAndSet(false, true)) {
        if (pre != null) {
          preImages.compareAndSet(pre, null);
        }
        inFlight.decrementAndGet();
      }
    }

    HeapSnapshot(List<StateCopy> copies, KeyedStateFormat.TimerCopy timers, SnapshotPreImages pre) {
      this.copies = copies;
      this.timers = timers;
      this.pre = pre;
    }

    @Override
    public int firstKeyGroup() {
      return firstKeyGroup;
    }

    @Override
    public int endKeyGroup() {
      return firstKeyGroup + numKeyGroups;
    }

    @Override
    public void writeMeta(DataOutputView out) throws IOException {
      List<String> names = new ArrayList<>(copies.size());
      List<StateKind> kinds = new ArrayList<>(copies.size());
      List<TypeSerializer<Object>> serializers = new ArrayList<>(copies.size());
      for (StateCopy c : copies) {
        names.add(c.name);
        kinds.add(c.kind);
        serializers.add(c.serializer);
      }
      KeyedStateFormat.writeMeta(out, names, kinds, serializers, timers.numServices());
    }

    @Override
    public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
      int index = keyGroup - firstKeyGroup;
      if (pre != null) {
        pre.startWriting(index);
      }
      try {
        return writeKeyGroup(keyGroup, index, out);
      } finally {
        if (pre != null) {
          pre.doneWriting(index);
        }
      }
    }

    private boolean writeKeyGroup(int keyGroup, int index, DataOutputView out) throws IOException {
      boolean any = timers.has(keyGroup);
      for (StateCopy c : copies) {
        any |= c.tables[index] != null;
      }
      if (!any) {
        return false;
      }
      for (int s = 0; s < copies.size(); s++) {
        StateCopy c = copies.get(s);
        Object[] slots = c.tables[index];
        int count = 0;
        if (slots != null) {
          for (int j = 0; j < slots.length; j += 2) {
            if (slots[j] != null) {
              count++;
            }
          }
        }
        out.writeInt(count);
        if (count == 0) {
          continue;
        }
        for (int j = 0; j < slots.length; j += 2) {
          Object stored = slots[j];
          if (stored == null) {
            continue;
          }
          if (stored instanceof NamespacedKey nk) {
            KeyedStateFormat.writeEntryKey(out, nk.key(), nk.namespace());
          } else {
            KeyedStateFormat.writeEntryKey(out, stored, null);
          }
          if (pre == null || !pre.writePreImage(s, index, j, out)) {
            c.serializer.serialize(slots[j + 1], out);
          }
        }
      }
      timers.write(keyGroup, out);
      return true;
    }
  }

  /**
   * Loads state and timers written by {@link #snapshot()}: {@code meta} describes the states,
   * {@code keyGroups} holds the blocks of the key groups this backend owns. Call before the
   * operator opens; its states and timer services pick the data up as they are created.
   */
  @Override
  public void restore(byte[] meta, Map<Integer, byte[]> keyGroups) throws IOException {
    KeyedStateFormat.Meta parsed = KeyedStateFormat.readMeta(meta);
    List<HeapStateStore<Object>> stores = new ArrayList<>(parsed.states().size());
    List<TypeSerializer<Object>> readers = new ArrayList<>(parsed.states().size());
    for (KeyedStateFormat.StateMeta m : parsed.states()) {
      HeapStateStore<Object> store = new HeapStateStore<>(this);
      stores.add(store);
      readers.add(m.format().restoreSerializer());
      restored.put(m.name(), new Restored(m.kind(), m.format(), store));
    }
    List<List<TimerEntry>> restoredTimers = timers.startRestore(parsed.numTimerServices());
    for (Map.Entry<Integer, byte[]> e : keyGroups.entrySet()) {
      int index = e.getKey() - firstKeyGroup;
      if (index < 0 || index >= numKeyGroups) {
        throw new IllegalArgumentException("Key group " + e.getKey() + " is not owned by this subtask");
      }
      KeyedStateFormat.readKeyGroup(new DataInputDeserializer(e.getValue()), readers,
          (s, key, namespace, value) -> stores.get(s).restoreEntry(index, key, namespace, value),
          restoredTimers);
    }
  }

  /** Names of the states registered so far. */
  @Override
  public java.util.Set<String> stateNames() {
    return java.util.Collections.unmodifiableSet(states.keySet());
  }

  /**
   * Runs {@code function} for every key that has a value in the state {@code descriptor} names,
   * with the current key set to it; the current key is restored afterwards.
   */
  @Override
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
