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
public final class HeapKeyedStateBackend {
  private final int maxParallelism;
  private final int firstKeyGroup;
  private final int numKeyGroups;
  private final Map<String, Registered> states = new LinkedHashMap<>();
  private final List<InternalTimerService<?>> timerServices = new ArrayList<>();
  /** Serializers come from here; null when the job does not checkpoint. */
  private ExecutionConfig serializerConfig;
  /** States read from a checkpoint, waiting for the operator to ask for them. */
  private final Map<String, Restored> restored = new HashMap<>();
  private final List<List<TimerEntry>> restoredTimers = new ArrayList<>();

  private enum Kind {
    VALUE("ValueState"), LIST("ListState"), MAP("MapState"), REDUCING("ReducingState"),
    AGGREGATING("AggregatingState");

    final String displayName;

    Kind(String displayName) {
      this.displayName = displayName;
    }
  }

  private record Registered(Object state, Kind kind, TypeSerializer<Object> serializer,
      HeapStateStore<Object> store) {}

  private record Restored(Kind kind, TypeSerializerSnapshot<Object> format, HeapStateStore<Object> store) {}

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
  public <T> HeapValueState<T> valueState(String name) {
    return valueState(name, DynamicSerializer.INSTANCE);
  }

  /**
   * The value state called {@code name}, created on first use, whose values checkpoints encode
   * with {@code serializer} (for built-in operators with state of their own classes).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> HeapValueState<T> valueState(String name, TypeSerializer<?> serializer) {
    return (HeapValueState<T>) register(name, Kind.VALUE, () -> (TypeSerializer) serializer,
        store -> new HeapValueState<>(store));
  }

  /** The state a descriptor names, created on first use; the same name gives the same state. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <S extends State> S getOrCreate(StateDescriptor<S, ?> descriptor) {
    String name = descriptor.getName();
    if (descriptor instanceof ValueStateDescriptor<?>) {
      return (S) register(name, Kind.VALUE, () -> declaredSerializer(descriptor),
          store -> new HeapValueState<>(store));
    }
    if (descriptor instanceof ListStateDescriptor<?>) {
      return (S) register(name, Kind.LIST, () -> declaredSerializer(descriptor),
          store -> new HeapListState<>((HeapStateStore) store));
    }
    if (descriptor instanceof MapStateDescriptor<?, ?>) {
      return (S) register(name, Kind.MAP, () -> declaredSerializer(descriptor),
          store -> new HeapMapState<>((HeapStateStore) store));
    }
    if (descriptor instanceof ReducingStateDescriptor<?> r) {
      return (S) register(name, Kind.REDUCING, () -> declaredSerializer(descriptor),
          store -> new HeapReducingState<>(store, (ReduceFunction<Object>) r.getReduceFunction()));
    }
    if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> a) {
      return (S) register(name, Kind.AGGREGATING, () -> declaredSerializer(descriptor),
          store -> new HeapAggregatingState<>(store,
              (AggregateFunction<Object, Object, Object>) a.getAggregateFunction()));
    }
    throw new IllegalArgumentException("Unknown kind of state descriptor: " + descriptor.getClass().getName());
  }

  /**
   * The serializer of a state's values: the descriptor's (given, or from its declared type), or
   * by runtime class when the type was left as {@code Object} (built-in operators' window state).
   */
  @SuppressWarnings("unchecked")
  private TypeSerializer<Object> declaredSerializer(StateDescriptor<?, ?> descriptor) {
    if (!descriptor.isSerializerInitialized() && isUndeclared(descriptor.getTypeInformation())) {
      return DynamicSerializer.INSTANCE;
    }
    try {
      descriptor.initializeSerializerUnlessSet(serializerConfig);
      return (TypeSerializer<Object>) descriptor.getSerializer();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The state '" + descriptor.getName()
          + "' cannot be checkpointed: " + e.getMessage(), e);
    }
  }

  private static boolean isUndeclared(TypeInformation<?> type) {
    if (type == null || type.getTypeClass() == Object.class) {
      return true;
    }
    if (type instanceof dev.sluice.api.common.typeinfo.ListTypeInfo<?> list) {
      return isUndeclared(list.getElementType());
    }
    if (type instanceof dev.sluice.api.common.typeinfo.MapTypeInfo<?, ?> map) {
      return isUndeclared(map.getKeyType()) || isUndeclared(map.getValueType());
    }
    return false;
  }

  private Object register(String name, Kind kind, Supplier<TypeSerializer<Object>> serializer,
      Function<HeapStateStore<Object>, Object> create) {
    Registered registered = states.get(name);
    if (registered == null) {
      Restored r = restored.remove(name);
      // serializers are needed to checkpoint, and to check that restored state still fits
      TypeSerializer<Object> valueSerializer = serializerConfig == null && r == null ? null : serializer.get();
      HeapStateStore<Object> store;
      if (r != null) {
        if (r.kind != kind) {
          throw new IllegalStateException("The state '" + name + "' was a " + r.kind.displayName
              + " in the checkpoint and is now asked for as a " + kind.displayName);
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
      registered = new Registered(create.apply(store), kind, valueSerializer, store);
      states.put(name, registered);
    } else if (registered.kind != kind) {
      throw new IllegalStateException("The state '" + name + "' was registered as a "
          + registered.kind.displayName + " and is now asked for as a " + kind.displayName + "; use another name");
    }
    return registered.state;
  }

  /**
   * Makes the states of this backend checkpointable: their serializers are chosen (from {@code
   * config}) as they are registered, so a type that cannot be encoded fails when the operator
   * opens, not at the first checkpoint.
   */
  public void enableSnapshots(ExecutionConfig config) {
    this.serializerConfig = config;
  }

  /** How expired values of a state with a time to live are recognised and cleaned. */
  private record Expiry(java.util.function.UnaryOperator<Object> cleaner, boolean inSnapshots) {}

  private final Map<String, Expiry> expiries = new HashMap<>();

  /**
   * Registers how to clean expired values of state {@code name} (a state with a time to live):
   * {@code cleaner} maps a stored value to null when all of it expired, or to what is left. With
   * {@code inSnapshots}, checkpoints leave expired values out. Returns a step of background
   * cleanup ({@code cleanupSize} entries) for the state to run on each access.
   */
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

  public boolean snapshotsEnabled() {
    return serializerConfig != null;
  }

  /** Called by an operator creating a timer service: its timers become part of snapshots. */
  public void registerTimerService(InternalTimerService<?> service) {
    int index = timerServices.size();
    timerServices.add(service);
    if (index < restoredTimers.size()) {
      service.restoreTimers(restoredTimers.get(index));
      restoredTimers.set(index, List.of());
    }
  }

  private static final int FORMAT_VERSION = 1;

  /**
   * Copies the state and timers (the synchronous part of a checkpoint). Values of mutable types
   * are deep-copied, so processing may go on while the copy is written.
   */
  public KeyedStateSnapshot snapshot() {
    if (serializerConfig == null) {
      throw new IllegalStateException("Snapshots were not enabled for this keyed state");
    }
    List<StateCopy> copies = new ArrayList<>(states.size());
    states.forEach((name, r) -> {
      java.util.function.UnaryOperator<Object> copier = r.serializer.isImmutableType() ? null : r.serializer::copy;
      Expiry expiry = expiries.get(name);
      if (expiry != null && expiry.inSnapshots()) {
        java.util.function.UnaryOperator<Object> copy = copier;
        copier = v -> {
          Object live = expiry.cleaner().apply(v);
          return live == null || copy == null ? live : copy.apply(live);
        };
      }
      copies.add(new StateCopy(name, r.kind, r.serializer, r.store.copyTables(copier)));
    });
    List<List<TimerEntry>> timers = new ArrayList<>(timerServices.size());
    for (InternalTimerService<?> service : timerServices) {
      timers.add(service.snapshotTimers());
    }
    return new HeapSnapshot(copies, timers);
  }

  private record StateCopy(String name, Kind kind, TypeSerializer<Object> serializer, Object[][] tables) {}

  private final class HeapSnapshot implements KeyedStateSnapshot {
    private final List<StateCopy> copies;
    private final List<List<TimerEntry>> timers;
    private List<Map<Integer, List<TimerEntry>>> timersByKeyGroup;

    HeapSnapshot(List<StateCopy> copies, List<List<TimerEntry>> timers) {
      this.copies = copies;
      this.timers = timers;
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
      out.writeInt(FORMAT_VERSION);
      out.writeInt(copies.size());
      for (StateCopy c : copies) {
        out.writeUTF(c.name);
        out.writeByte(c.kind.ordinal());
        TypeSerializerSnapshots.write(c.serializer.snapshotConfiguration(), out);
      }
      out.writeInt(timers.size());
    }

    @Override
    public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
      int index = keyGroup - firstKeyGroup;
      if (timersByKeyGroup == null) {
        timersByKeyGroup = new ArrayList<>();
        for (List<TimerEntry> list : timers) {
          Map<Integer, List<TimerEntry>> byGroup = new HashMap<>();
          for (TimerEntry t : list) {
            byGroup.computeIfAbsent(KeyGroups.keyGroupFor(t.key(), maxParallelism),
                g -> new ArrayList<>()).add(t);
          }
          timersByKeyGroup.add(byGroup);
        }
      }
      boolean any = false;
      for (StateCopy c : copies) {
        any |= c.tables[index] != null;
      }
      for (Map<Integer, List<TimerEntry>> byGroup : timersByKeyGroup) {
        any |= byGroup.containsKey(keyGroup);
      }
      if (!any) {
        return false;
      }
      for (StateCopy c : copies) {
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
            out.writeBoolean(true);
            DynamicSerializer.INSTANCE.serialize(nk.key(), out);
            DynamicSerializer.INSTANCE.serialize(nk.namespace(), out);
          } else {
            out.writeBoolean(false);
            DynamicSerializer.INSTANCE.serialize(stored, out);
          }
          c.serializer.serialize(slots[j + 1], out);
        }
      }
      for (Map<Integer, List<TimerEntry>> byGroup : timersByKeyGroup) {
        List<TimerEntry> list = byGroup.getOrDefault(keyGroup, List.of());
        out.writeInt(list.size());
        for (TimerEntry t : list) {
          DynamicSerializer.INSTANCE.serialize(t.key(), out);
          DynamicSerializer.INSTANCE.serialize(t.namespace(), out);
          out.writeLong(t.time());
          out.writeBoolean(t.eventTime());
        }
      }
      return true;
    }
  }

  /**
   * Loads state and timers written by {@link #snapshot()}: {@code meta} describes the states,
   * {@code keyGroups} holds the blocks of the key groups this backend owns. Call before the
   * operator opens; its states and timer services pick the data up as they are created.
   */
  @SuppressWarnings("unchecked")
  public void restore(byte[] meta, Map<Integer, byte[]> keyGroups) throws IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    DataInputDeserializer in = new DataInputDeserializer(meta);
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException("Keyed state was written in format " + version
          + ", this version of Sluice reads format " + FORMAT_VERSION);
    }
    int numStates = in.readInt();
    List<String> names = new ArrayList<>(numStates);
    List<TypeSerializer<Object>> readers = new ArrayList<>(numStates);
    for (int i = 0; i < numStates; i++) {
      String name = in.readUTF();
      Kind kind = Kind.values()[in.readUnsignedByte()];
      TypeSerializerSnapshot<Object> format = TypeSerializerSnapshots.read(in, loader);
      names.add(name);
      readers.add(format.restoreSerializer());
      restored.put(name, new Restored(kind, format, new HeapStateStore<>(this)));
    }
    int numTimerServices = in.readInt();
    restoredTimers.clear();
    for (int i = 0; i < numTimerServices; i++) {
      restoredTimers.add(new ArrayList<>());
    }
    for (Map.Entry<Integer, byte[]> e : keyGroups.entrySet()) {
      int index = e.getKey() - firstKeyGroup;
      if (index < 0 || index >= numKeyGroups) {
        throw new IllegalArgumentException("Key group " + e.getKey() + " is not owned by this subtask");
      }
      DataInputDeserializer block = new DataInputDeserializer(e.getValue());
      for (int s = 0; s < numStates; s++) {
        HeapStateStore<Object> store = restored.get(names.get(s)).store;
        TypeSerializer<Object> reader = readers.get(s);
        int count = block.readInt();
        for (int j = 0; j < count; j++) {
          boolean namespaced = block.readBoolean();
          Object key = DynamicSerializer.INSTANCE.deserialize(block);
          Object namespace = namespaced ? DynamicSerializer.INSTANCE.deserialize(block) : null;
          store.restoreEntry(index, key, namespace, reader.deserialize(block));
        }
      }
      for (int t = 0; t < numTimerServices; t++) {
        int count = block.readInt();
        List<TimerEntry> list = restoredTimers.get(t);
        for (int j = 0; j < count; j++) {
          Object key = DynamicSerializer.INSTANCE.deserialize(block);
          Object namespace = DynamicSerializer.INSTANCE.deserialize(block);
          list.add(new TimerEntry(key, namespace, block.readLong(), block.readBoolean()));
        }
      }
    }
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
