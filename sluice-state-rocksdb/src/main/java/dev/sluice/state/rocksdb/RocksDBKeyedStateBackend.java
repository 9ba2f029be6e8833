package dev.sluice.state.rocksdb;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.state.AggregatingStateDescriptor;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSchemaCompatibility;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.channel.KeyGroups;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeFile;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import dev.sluice.runtime.checkpoint.NativeRestore;
import dev.sluice.runtime.state.InternalKeyedState;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.runtime.state.KeyedBackendParameters;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.state.KeyedStateFormat;
import dev.sluice.runtime.state.KeyedStateFunction;
import dev.sluice.runtime.state.StateKind;
import dev.sluice.runtime.state.StateSerializers;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.InternalTimerService.TimerEntry;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * Keyed state of one subtask in an embedded RocksDB: one column family per state; a RocksDB key
 * is the key group (2 bytes, big-endian), the key ({@link DynamicSerializer}), the namespace (a
 * marker byte, then the namespace unless it is the default one) and, for map state, the user key;
 * so each key group, and each (key, namespace) of a map, is a contiguous range. Values are
 * encoded with the state's serializer; list state appends elements with a merge operator.
 * Timers stay on the heap.
 *
 * <p>A snapshot is a RocksDB checkpoint (hard links to the immutable files, taken on the
 * subtask's thread) that the checkpoint writer opens read-only and writes key group by key group
 * in the format every backend shares ({@link KeyedStateFormat}) — or, for an incremental
 * checkpoint, whose new SST files it uploads to the checkpoint storage's shared directory
 * (files of the last completed checkpoint are referenced, not copied). A restore at the same
 * key groups from an incremental checkpoint opens the database from the checkpoint's files.
 */
public final class RocksDBKeyedStateBackend implements KeyedStateBackend {
  static {
    RocksDB.loadLibrary();
  }

  private static final char LIST_DELIMITER = ',';
  private static final String CF_PREFIX = "state-";

  private final Path rootDir;
  private final int maxParallelism;
  private final int firstKeyGroup;
  private final int endKeyGroup;
  private final ExecutionConfig config;

  // native resources, closed in reverse order
  private final LRUCache cache;
  private final WriteBufferManager writeBufferManager;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final StringAppendOperator mergeOperator;
  private final WriteOptions writeOptions;
  private final ReadOptions readOptions;
  private RocksDB db;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();

  private record Registered(StateKind kind, ColumnFamilyHandle cf, TypeSerializer<Object> serializer,
      RocksDBState state) {}

  private record Restored(StateKind kind, TypeSerializerSnapshot<Object> format, ColumnFamilyHandle cf,
      TypeSerializer<Object> writer) {}

  private final Map<String, Registered> states = new LinkedHashMap<>();

  /** How expired values of a state with a time to live are recognised and cleaned. */
  private record Expiry(java.util.function.UnaryOperator<Object> cleaner, boolean inSnapshots) {}

  private final Map<String, Expiry> expiries = new HashMap<>();
  private final List<TtlSweep> sweeps = new ArrayList<>();
  private final Map<String, Restored> restored = new HashMap<>();
  private final KeyedStateFormat.Timers timers = new KeyedStateFormat.Timers();
  private boolean snapshotsEnabled;
  private int snapshotCounter;
  private boolean closed;
  /** Snapshots not yet released: their directories outlive a close until they are. */
  private final Set<RocksDBSnapshot> liveSnapshots = new java.util.HashSet<>();

  /** Restores that opened the database from an incremental checkpoint's files (for tests). */
  static final java.util.concurrent.atomic.AtomicInteger NATIVE_RESTORES = new java.util.concurrent.atomic.AtomicInteger();

  private final boolean incremental;
  /** Names this instance's uploads in the shared directory: {@code <backendId>-<sst name>}. */
  private final String backendId = java.util.UUID.randomUUID().toString();
  /** Guarded by this: SST files (local name to upload) of incremental checkpoints not yet confirmed. */
  private final java.util.TreeMap<Long, Map<String, NativeFile>> pendingFiles = new java.util.TreeMap<>();
  /** Guarded by this: the SST files of the newest checkpoint known complete; reused by the next ones. */
  private Map<String, NativeFile> confirmedFiles = Map.of();

  private Object currentKey;
  private int currentKeyHash;
  private int currentKeyGroup = -1;
  private long keyEpoch;
  /** Key group and serialized current key: the start of every RocksDB key of the current key. */
  private final DataOutputSerializer keyPrefix = new DataOutputSerializer(64);

  RocksDBKeyedStateBackend(KeyedBackendParameters p, Path rootDir, long memoryLimit, double writeBufferRatio) {
    this(p, rootDir, memoryLimit, writeBufferRatio, false);
  }

  RocksDBKeyedStateBackend(KeyedBackendParameters p, Path rootDir, long memoryLimit, double writeBufferRatio,
      boolean incremental) {
    this.incremental = incremental;
    this.rootDir = rootDir;
    this.maxParallelism = p.maxParallelism();
    this.firstKeyGroup = KeyGroups.firstKeyGroup(p.subtask(), p.maxParallelism(), p.parallelism());
    this.endKeyGroup = KeyGroups.endKeyGroup(p.subtask(), p.maxParallelism(), p.parallelism());
    this.config = p.config() != null ? p.config() : new ExecutionConfig();
    long writeBuffers = (long) (memoryLimit * writeBufferRatio);
    LRUCache c = null;
    WriteBufferManager w = null;
    DBOptions d = null;
    ColumnFamilyOptions cf = null;
    StringAppendOperator m = null;
    WriteOptions wo = null;
    ReadOptions ro = null;
    try {
      c = new LRUCache(memoryLimit, -1, false, 0.1);
      w = new WriteBufferManager(writeBuffers, c);
      d = new DBOptions().setCreateIfMissing(true).setWriteBufferManager(w)
          .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL).setStatsDumpPeriodSec(0)
          .setKeepLogFileNum(1).setMaxLogFileSize(1 << 20).setUseFsync(false);
      m = new StringAppendOperator(LIST_DELIMITER);
      cf = columnFamilyOptions(m, c, writeBuffers);
      wo = new WriteOptions().setDisableWAL(true);
      ro = new ReadOptions();
      List<ColumnFamilyDescriptor> descriptors =
          List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cf));
      Path dbDir = rootDir.resolve("db");
      this.db = RocksDB.open(d, dbDir.toString(), descriptors, handles);
    } catch (RocksDBException | RuntimeException e) {
      for (AutoCloseable r : new AutoCloseable[] {ro, wo, cf, m, d, w, c}) {
        closeQuietly(r);
      }
      deleteQuietly(rootDir);
      throw new IllegalStateException("Cannot open RocksDB in " + rootDir + ": " + e.getMessage(), e);
    }
    this.cache = c;
    this.writeBufferManager = w;
    this.dbOptions = d;
    this.cfOptions = cf;
    this.mergeOperator = m;
    this.writeOptions = wo;
    this.readOptions = ro;
  }

  static ColumnFamilyOptions columnFamilyOptions(StringAppendOperator merge, LRUCache cache, long writeBuffers) {
    BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockSize(16 * 1024);
    if (cache != null) {
      table.setBlockCache(cache).setCacheIndexAndFilterBlocks(true)
          .setPinL0FilterAndIndexBlocksInCache(true);
    }
    long perTable = Math.max(1L << 20, Math.min(64L << 20, writeBuffers / 4));
    return new ColumnFamilyOptions().setMergeOperator(merge).setTableFormatConfig(table)
        .setWriteBufferSize(perTable).setMaxWriteBufferNumber(2);
  }

  /** The directory of this backend (its database and local snapshots); removed on close. */
  public Path directory() {
    return rootDir;
  }

  // ------------------------------------------------------------------ keys

  @Override
  public void setCurrentKey(Object key) {
    if (key == null) {
      throw new NullPointerException("A key selector returned null; keys must not be null");
    }
    int hash = KeyGroups.spreadHash(key);
    if (hash == currentKeyHash && currentKeyGroup >= 0 && key.equals(currentKey)) {
      return;
    }
    int keyGroup = KeyGroups.keyGroupForHash(hash, maxParallelism);
    if (keyGroup < firstKeyGroup || keyGroup >= endKeyGroup) {
      throw new IllegalStateException("Key " + key + " belongs to key group " + keyGroup
          + ", which this subtask does not own (it owns " + firstKeyGroup + ".." + (endKeyGroup - 1)
          + "); was the key selector not deterministic?");
    }
    keyPrefix.clear();
    keyPrefix.writeShort(keyGroup);
    try {
      DynamicSerializer.INSTANCE.serialize(key, keyPrefix);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the key " + key, e);
    }
    currentKey = key;
    currentKeyHash = hash;
    currentKeyGroup = keyGroup;
    keyEpoch++;
  }

  @Override
  public Object currentKey() {
    return currentKey;
  }

  long keyEpoch() {
    return keyEpoch;
  }

  /** Appends the current key group and key. */
  void writeKeyPrefix(DataOutputSerializer out) {
    if (currentKeyGroup < 0) {
      throw new IllegalStateException("Keyed state used outside of a keyed context");
    }
    out.write(keyPrefix.getSharedBuffer(), 0, keyPrefix.length());
  }

  static void writeNamespace(DataOutputSerializer out, Object namespace) throws IOException {
    if (namespace == null || namespace == VoidNamespace.INSTANCE) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      DynamicSerializer.INSTANCE.serialize(namespace, out);
    }
  }

  RocksDB db() {
    return db;
  }

  WriteOptions writeOptions() {
    return writeOptions;
  }

  ReadOptions readOptions() {
    return readOptions;
  }

  // ------------------------------------------------------------------ states

  @Override
  public <T> InternalValueState<T> valueState(String name, TypeSerializer<?> serializer) {
    @SuppressWarnings("unchecked")
    TypeSerializer<Object> s = (TypeSerializer<Object>) serializer;
    @SuppressWarnings("unchecked")
    InternalValueState<T> state = (InternalValueState<T>) register(name, StateKind.VALUE, () -> s,
        (cf, ser) -> new RocksDBValueState<>(this, cf, ser));
    return state;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <S extends State> S getOrCreate(StateDescriptor<S, ?> descriptor) {
    String name = descriptor.getName();
    java.util.function.Supplier<TypeSerializer<Object>> ser = () -> serializerOf(descriptor);
    if (descriptor instanceof ValueStateDescriptor<?>) {
      return (S) register(name, StateKind.VALUE, ser, (cf, s) -> new RocksDBValueState<>(this, cf, s));
    }
    if (descriptor instanceof ListStateDescriptor<?>) {
      return (S) register(name, StateKind.LIST, ser, (cf, s) -> new RocksDBListState<>(this, cf, s));
    }
    if (descriptor instanceof MapStateDescriptor<?, ?>) {
      return (S) register(name, StateKind.MAP, ser, (cf, s) -> new RocksDBMapState<>(this, cf, s));
    }
    if (descriptor instanceof ReducingStateDescriptor<?> r) {
      return (S) register(name, StateKind.REDUCING, ser, (cf, s) -> new RocksDBReducingState<>(this, cf, s,
          (ReduceFunction<Object>) r.getReduceFunction()));
    }
    if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> a) {
      return (S) register(name, StateKind.AGGREGATING, ser, (cf, s) -> new RocksDBAggregatingState<>(this, cf, s,
          (AggregateFunction<Object, Object, Object>) a.getAggregateFunction()));
    }
    throw new IllegalArgumentException("Unknown kind of state descriptor: " + descriptor.getClass().getName());
  }

  private TypeSerializer<Object> serializerOf(StateDescriptor<?, ?> descriptor) {
    try {
      return StateSerializers.declared(descriptor, config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The state '" + descriptor.getName()
          + "' cannot be stored in RocksDB (its values must be serializable): "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
  }

  private Object register(String name, StateKind kind, java.util.function.Supplier<TypeSerializer<Object>> serializer,
      BiFunction<ColumnFamilyHandle, TypeSerializer<Object>, RocksDBState> create) {
    checkOpen();
    Registered registered = states.get(name);
    if (registered != null) {
      if (registered.kind != kind) {
        throw new IllegalStateException("The state '" + name + "' was registered as a "
            + registered.kind.displayName() + " and is now asked for as a " + kind.displayName()
            + "; use another name");
      }
      return registered.state;
    }
    TypeSerializer<Object> valueSerializer = serializer.get();
    ColumnFamilyHandle cf;
    Restored r = restored.remove(name);
    if (r != null) {
      if (r.kind != kind) {
        throw new IllegalStateException("The state '" + name + "' was a " + r.kind.displayName()
            + " in the checkpoint and is now asked for as a " + kind.displayName());
      }
      TypeSerializerSchemaCompatibility<Object> compatibility =
          r.format.resolveSchemaCompatibility(valueSerializer);
      if (compatibility.isIncompatible()) {
        throw new IllegalStateException("The state '" + name
            + "' cannot be restored: its type changed incompatibly (" + compatibility.reason() + ")");
      }
      cf = r.cf;
      if (compatibility.isCompatibleAfterMigration()) {
        migrate(kind, cf, r.writer, valueSerializer);
      }
    } else {
      cf = createColumnFamily(name);
    }
    RocksDBState state = create.apply(cf, valueSerializer);
    states.put(name, new Registered(kind, cf, valueSerializer, state));
    return state;
  }

  private ColumnFamilyHandle createColumnFamily(String name) {
    try {
      ColumnFamilyHandle h = db.createColumnFamily(
          new ColumnFamilyDescriptor((CF_PREFIX + name).getBytes(StandardCharsets.UTF_8), cfOptions));
      handles.add(h);
      return h;
    } catch (RocksDBException e) {
      throw new IllegalStateException("Cannot create the RocksDB column family of state '" + name + "': "
          + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ element codecs per kind

  @SuppressWarnings("unchecked")
  static TypeSerializer<Object> listElements(TypeSerializer<Object> listSerializer) {
    if ((Object) listSerializer instanceof dev.sluice.api.common.typeutils.base.ListSerializer<?> l) {
      return (TypeSerializer<Object>) l.getElementSerializer();
    }
    return DynamicSerializer.INSTANCE;
  }

  @SuppressWarnings("unchecked")
  static TypeSerializer<Object> mapKeys(TypeSerializer<Object> mapSerializer) {
    if ((Object) mapSerializer instanceof dev.sluice.api.common.typeutils.base.MapSerializer<?, ?> m) {
      return (TypeSerializer<Object>) m.getKeySerializer();
    }
    return DynamicSerializer.INSTANCE;
  }

  @SuppressWarnings("unchecked")
  static TypeSerializer<Object> mapValues(TypeSerializer<Object> mapSerializer) {
    if ((Object) mapSerializer instanceof dev.sluice.api.common.typeutils.base.MapSerializer<?, ?> m) {
      return (TypeSerializer<Object>) m.getValueSerializer();
    }
    return DynamicSerializer.INSTANCE;
  }

  /** Encodes list elements as the merge operator joins them. */
  static void writeElements(List<?> values, TypeSerializer<Object> elements, DataOutputSerializer out)
      throws IOException {
    boolean first = true;
    for (Object v : values) {
      if (v == null) {
        throw new NullPointerException("A list state does not accept null elements");
      }
      if (!first) {
        out.writeByte(LIST_DELIMITER);
      }
      elements.serialize(v, out);
      first = false;
    }
  }

  static ArrayList<Object> readElements(byte[] bytes, TypeSerializer<Object> elements) throws IOException {
    ArrayList<Object> list = new ArrayList<>();
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    while (in.available() > 0) {
      list.add(elements.deserialize(in));
      if (in.available() > 0) {
        in.readByte(); // the delimiter
      }
    }
    return list;
  }

  static void writeMapValue(Object value, TypeSerializer<Object> values, DataOutputSerializer out)
      throws IOException {
    if (value == null) {
      out.writeBoolean(false);
    } else {
      out.writeBoolean(true);
      values.serialize(value, out);
    }
  }

  static Object readMapValue(DataInputDeserializer in, TypeSerializer<Object> values) throws IOException {
    return in.readBoolean() ? values.deserialize(in) : null;
  }

  /** Length of the (key group, key, namespace) part of a RocksDB key. */
  static int prefixLength(byte[] key, DataInputDeserializer in) throws IOException {
    in.setBuffer(key, 2, key.length - 2);
    DynamicSerializer.INSTANCE.deserialize(in);
    if (in.readByte() != 0) {
      DynamicSerializer.INSTANCE.deserialize(in);
    }
    return in.getPosition();
  }

  /** Rewrites a restored state's values from the format it was written in to {@code to}. */
  private void migrate(StateKind kind, ColumnFamilyHandle cf, TypeSerializer<Object> from, TypeSerializer<Object> to) {
    DataOutputSerializer out = new DataOutputSerializer(256);
    DataInputDeserializer in = new DataInputDeserializer();
    try (RocksIterator it = db.newIterator(cf, readOptions); WriteBatch batch = new WriteBatch()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] key = it.key();
        byte[] value = it.value();
        out.clear();
        switch (kind) {
          case LIST -> {
            writeElements(readElements(value, listElements(from)), listElements(to), out);
            batch.put(cf, key, out.getCopyOfBuffer());
          }
          case MAP -> {
            int p = prefixLength(key, in);
            in.setBuffer(key, p, key.length - p);
            Object userKey = mapKeys(from).deserialize(in);
            in.setBuffer(value);
            Object userValue = readMapValue(in, mapValues(from));
            out.write(key, 0, p);
            mapKeys(to).serialize(userKey, out);
            byte[] newKey = out.getCopyOfBuffer();
            out.clear();
            writeMapValue(userValue, mapValues(to), out);
            batch.delete(cf, key);
            batch.put(cf, newKey, out.getCopyOfBuffer());
          }
          default -> {
            in.setBuffer(value);
            to.serialize(from.deserialize(in), out);
            batch.put(cf, key, out.getCopyOfBuffer());
          }
        }
      }
      db.write(writeOptions, batch);
    } catch (IOException | RocksDBException e) {
      throw new IllegalStateException("Cannot migrate restored state to its new format: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ iteration

  @Override
  public Set<String> stateNames() {
    return Collections.unmodifiableSet(states.keySet());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, S extends State> void applyToAllKeys(StateDescriptor<S, ?> descriptor,
      KeyedStateFunction<K, S> function) throws Exception {
    S state = getOrCreate(descriptor);
    List<Object> keys = new ArrayList<>();
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

  // ------------------------------------------------------------------ timers, snapshots

  @Override
  public void registerTimerService(InternalTimerService<?> service) {
    timers.register(service);
  }

  @Override
  public boolean storesCopies() {
    return true;
  }

  @Override
  public void enableSnapshots(ExecutionConfig config) {
    this.snapshotsEnabled = true;
  }

  @Override
  public boolean snapshotsEnabled() {
    return snapshotsEnabled;
  }

  /**
   * TTL cleanup for RocksDB: expired values are hidden and deleted when read (by the TTL states),
   * a step of {@code cleanupSize} entries of a cursor over the state's column family runs on each
   * access, and full snapshots (savepoints, non-incremental checkpoints) leave expired values out.
   * An incremental checkpoint uploads SST files as they are, expired values included.
   */
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
    TtlSweep sweep = new TtlSweep(name, r, cleaner, cleanupSize);
    sweeps.add(sweep);
    return sweep;
  }

  /** A cursor over one state's column family that removes expired values, a few per step. */
  private final class TtlSweep implements Runnable {
    private final String name;
    private final Registered state;
    private final java.util.function.UnaryOperator<Object> cleaner;
    private final int stepSize;
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final DataOutputSerializer out = new DataOutputSerializer(64);
    private RocksIterator cursor;

    TtlSweep(String name, Registered state, java.util.function.UnaryOperator<Object> cleaner, int stepSize) {
      this.name = name;
      this.state = state;
      this.cleaner = cleaner;
      this.stepSize = stepSize;
    }

    @Override
    public void run() {
      if (closed) {
        return;
      }
      if (cursor == null) {
        cursor = db.newIterator(state.cf, readOptions);
        cursor.seekToFirst();
      }
      boolean changed = false;
      try {
        for (int i = 0; i < stepSize; i++) {
          if (!cursor.isValid()) {
            close(); // the next step starts a new pass, over what is there by then
            break;
          }
          changed |= clean(cursor.key(), cursor.value());
          cursor.next();
        }
      } catch (IOException | RocksDBException e) {
        throw new IllegalStateException("Cleaning up expired values of state '" + name + "' failed: "
            + e.getMessage(), e);
      }
      if (changed) {
        keyEpoch++; // the states' read caches may hold what was removed
      }
    }

    @SuppressWarnings("unchecked")
    private boolean clean(byte[] key, byte[] value) throws IOException, RocksDBException {
      TypeSerializer<Object> serializer = state.serializer;
      switch (state.kind) {
        case MAP -> {
          in.setBuffer(value);
          Object v = readMapValue(in, mapValues(serializer));
          if (v != null && cleaner.apply(v) == null) {
            db.delete(state.cf, writeOptions, key);
            return true;
          }
          return false;
        }
        case LIST -> {
          List<Object> list = readElements(value, listElements(serializer));
          Object kept = cleaner.apply(list);
          if (kept == null || ((List<Object>) kept).isEmpty()) {
            db.delete(state.cf, writeOptions, key);
            return true;
          }
          if (kept != list) {
            out.clear();
            writeElements((List<Object>) kept, listElements(serializer), out);
            db.put(state.cf, writeOptions, key, out.getCopyOfBuffer());
            return true;
          }
          return false;
        }
        default -> {
          in.setBuffer(value);
          if (cleaner.apply(serializer.deserialize(in)) == null) {
            db.delete(state.cf, writeOptions, key);
            return true;
          }
          return false;
        }
      }
    }

    void close() {
      if (cursor != null) {
        cursor.close();
        cursor = null;
      }
    }
  }

  @Override
  public KeyedStateSnapshot snapshot() throws Exception {
    return snapshot(-1, true);
  }

  @Override
  public KeyedStateSnapshot snapshot(long checkpointId, boolean savepoint) throws Exception {
    if (!snapshotsEnabled) {
      throw new IllegalStateException("Snapshots were not enabled for this keyed state");
    }
    checkOpen();
    Path dir = rootDir.resolve("snapshot-" + (++snapshotCounter));
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      checkpoint.createCheckpoint(dir.toString());
    }
    List<String> names = new ArrayList<>(states.size());
    List<StateKind> kinds = new ArrayList<>(states.size());
    List<TypeSerializer<Object>> serializers = new ArrayList<>(states.size());
    List<java.util.function.UnaryOperator<Object>> cleaners = new ArrayList<>(states.size());
    states.forEach((name, r) -> {
      names.add(name);
      kinds.add(r.kind);
      serializers.add(r.serializer.duplicate());
      Expiry expiry = expiries.get(name);
      cleaners.add(expiry != null && expiry.inSnapshots() ? expiry.cleaner() : null);
    });
    KeyedStateFormat.TimerCopy timerCopy = timers.snapshot(maxParallelism);
    DataOutputSerializer meta = new DataOutputSerializer(256);
    KeyedStateFormat.writeMeta(meta, names, kinds, serializers, timerCopy.numServices());
    List<byte[]> cfNames = new ArrayList<>(names.size());
    for (String n : names) {
      cfNames.add((CF_PREFIX + n).getBytes(StandardCharsets.UTF_8));
    }
    RocksDBSnapshot snapshot = new RocksDBSnapshot(this, dir, firstKeyGroup, endKeyGroup,
        meta.getCopyOfBuffer(), cfNames, kinds, serializers, cleaners, timerCopy,
        incremental && !savepoint && checkpointId >= 0 ? checkpointId : -1);
    synchronized (this) {
      liveSnapshots.add(snapshot);
    }
    return snapshot;
  }

  String backendId() {
    return backendId;
  }

  /** The upload of SST file {@code name} in the newest checkpoint known complete, or null. Any thread. */
  synchronized NativeFile confirmedSharedFile(String name) {
    return confirmedFiles.get(name);
  }

  /** The SST files an incremental checkpoint references (writer thread). */
  synchronized void snapshotFilesWritten(long checkpointId, Map<String, NativeFile> ssts) {
    pendingFiles.put(checkpointId, ssts);
  }

  @Override
  public synchronized void notifyCheckpointComplete(long checkpointId) {
    Map<String, NativeFile> files = pendingFiles.remove(checkpointId);
    if (files != null) {
      confirmedFiles = files;
    }
    pendingFiles.headMap(checkpointId).clear();
  }

  /** A snapshot was written (or abandoned) and its directory deleted. Any thread. */
  synchronized void snapshotReleased(RocksDBSnapshot snapshot) {
    liveSnapshots.remove(snapshot);
    if (closed && liveSnapshots.isEmpty()) {
      deleteQuietly(rootDir);
    }
  }

  @Override
  public void restore(byte[] meta, Map<Integer, byte[]> keyGroups) throws IOException {
    checkOpen();
    KeyedStateFormat.Meta parsed = KeyedStateFormat.readMeta(meta);
    List<TypeSerializer<Object>> readers = new ArrayList<>();
    List<ColumnFamilyHandle> cfs = new ArrayList<>();
    List<StateKind> kinds = new ArrayList<>();
    for (KeyedStateFormat.StateMeta m : parsed.states()) {
      TypeSerializer<Object> reader = m.format().restoreSerializer();
      ColumnFamilyHandle cf = createColumnFamily(m.name());
      readers.add(reader);
      cfs.add(cf);
      kinds.add(m.kind());
      restored.put(m.name(), new Restored(m.kind(), m.format(), cf, reader));
    }
    List<List<TimerEntry>> restoredTimers = timers.startRestore(parsed.numTimerServices());
    DataOutputSerializer key = new DataOutputSerializer(64);
    DataOutputSerializer value = new DataOutputSerializer(256);
    try (WriteBatch batch = new WriteBatch()) {
      for (Map.Entry<Integer, byte[]> e : keyGroups.entrySet()) {
        int keyGroup = e.getKey();
        if (keyGroup < firstKeyGroup || keyGroup >= endKeyGroup) {
          throw new IllegalArgumentException("Key group " + keyGroup + " is not owned by this subtask");
        }
        KeyedStateFormat.readKeyGroup(new DataInputDeserializer(e.getValue()), readers,
            (s, k, namespace, v) -> {
              ColumnFamilyHandle cf = cfs.get(s);
              TypeSerializer<Object> reader = readers.get(s);
              key.clear();
              key.writeShort(keyGroup);
              DynamicSerializer.INSTANCE.serialize(k, key);
              writeNamespace(key, namespace);
              try {
                switch (kinds.get(s)) {
                  case LIST -> {
                    List<?> list = (List<?>) v;
                    if (!list.isEmpty()) {
                      value.clear();
                      writeElements(list, listElements(reader), value);
                      batch.put(cf, key.getCopyOfBuffer(), value.getCopyOfBuffer());
                    }
                  }
                  case MAP -> {
                    int prefix = key.length();
                    for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
                      key.clear();
                      key.writeShort(keyGroup);
                      DynamicSerializer.INSTANCE.serialize(k, key);
                      writeNamespace(key, namespace);
                      mapKeys(reader).serialize(entry.getKey(), key);
                      value.clear();
                      writeMapValue(entry.getValue(), mapValues(reader), value);
                      batch.put(cf, key.getCopyOfBuffer(), value.getCopyOfBuffer());
                    }
                    assert prefix > 0;
                  }
                  default -> {
                    value.clear();
                    reader.serialize(v, value);
                    batch.put(cf, key.getCopyOfBuffer(), value.getCopyOfBuffer());
                  }
                }
                if (batch.getDataSize() > (4 << 20)) {
                  db.write(writeOptions, batch);
                  batch.clear();
                }
              } catch (RocksDBException ex) {
                throw new IOException("Cannot write restored state to RocksDB: " + ex.getMessage(), ex);
              }
            }, restoredTimers);
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new IOException("Cannot write restored state to RocksDB: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the database from the files of an incremental checkpoint of the same key groups (hard
   * links to the shared SST files, copies of the rest) instead of re-inserting every entry.
   */
  @Override
  public boolean restoreNative(byte[] meta, Map<Integer, byte[]> keyGroups, List<NativeRestore> nativeState)
      throws IOException {
    checkOpen();
    if (nativeState.size() != 1) {
      return false;
    }
    NativeRestore source = nativeState.get(0);
    if (!RocksDBNativeStateReader.KIND.equals(source.state().kind()) || source.firstKeyGroup() != firstKeyGroup
        || source.endKeyGroup() != endKeyGroup || !states.isEmpty() || !restored.isEmpty()) {
      return false;
    }
    KeyedStateFormat.Meta parsed = KeyedStateFormat.readMeta(meta);
    for (ColumnFamilyHandle h : handles) {
      closeQuietly(h);
    }
    handles.clear();
    try {
      db.closeE();
    } catch (RocksDBException e) {
      throw new IOException("Cannot close the empty database before restoring: " + e.getMessage(), e);
    }
    db = null;
    Path dbDir = rootDir.resolve("db");
    deleteQuietly(dbDir);
    Files.createDirectories(dbDir);
    Map<String, NativeFile> restoredFiles = new HashMap<>();
    for (NativeFile f : source.state().files()) {
      Path from = source.path(f);
      Path to = dbDir.resolve(f.name());
      if (f.shared()) {
        linkOrCopy(from, to);
        restoredFiles.put(f.name(), f);
      } else {
        Files.copy(from, to); // RocksDB may append to a MANIFEST: never share it
      }
    }
    try {
      List<byte[]> existing;
      try (org.rocksdb.Options listOptions = new org.rocksdb.Options()) {
        existing = RocksDB.listColumnFamilies(listOptions, dbDir.toString());
      }
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : existing) {
        descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
      }
      db = RocksDB.open(dbOptions, dbDir.toString(), descriptors, handles);
      Map<String, ColumnFamilyHandle> byName = new HashMap<>();
      for (int i = 0; i < existing.size(); i++) {
        byName.put(new String(existing.get(i), StandardCharsets.UTF_8), handles.get(i));
      }
      List<TypeSerializer<Object>> readers = new ArrayList<>();
      for (KeyedStateFormat.StateMeta m : parsed.states()) {
        TypeSerializer<Object> reader = m.format().restoreSerializer();
        ColumnFamilyHandle cf = byName.remove(CF_PREFIX + m.name());
        if (cf == null) {
          cf = createColumnFamily(m.name());
        }
        readers.add(reader);
        restored.put(m.name(), new Restored(m.kind(), m.format(), cf, reader));
      }
      // column families of states the snapshot did not include (restored earlier, never used)
      for (Map.Entry<String, ColumnFamilyHandle> e : byName.entrySet()) {
        if (e.getKey().startsWith(CF_PREFIX)) {
          db.dropColumnFamily(e.getValue());
        }
      }
      List<List<TimerEntry>> restoredTimers = timers.startRestore(parsed.numTimerServices());
      for (Map.Entry<Integer, byte[]> e : keyGroups.entrySet()) {
        KeyedStateFormat.readKeyGroup(new DataInputDeserializer(e.getValue()), readers,
            (s, k, namespace, v) -> {
              throw new IOException("An incremental checkpoint's key-group block holds entries");
            }, restoredTimers);
      }
    } catch (RocksDBException e) {
      throw new IOException("Cannot open RocksDB from the checkpoint files of " + source.checkpointDir()
          + ": " + e.getMessage(), e);
    }
    synchronized (this) {
      confirmedFiles = restoredFiles; // a restored checkpoint is complete: its files are reused
    }
    NATIVE_RESTORES.incrementAndGet();
    return true;
  }

  /** A hard link to an immutable file, or a copy where links are impossible (another file system). */
  static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to);
    }
  }

  // ------------------------------------------------------------------ life cycle

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The RocksDB keyed state backend is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (TtlSweep sweep : sweeps) {
      sweep.close();
    }
    sweeps.clear();
    for (ColumnFamilyHandle h : handles) {
      closeQuietly(h);
    }
    handles.clear();
    try {
      if (db != null) {
        db.closeE();
      }
    } catch (RocksDBException e) {
      // the files go below either way
    }
    for (AutoCloseable r : new AutoCloseable[] {readOptions, writeOptions, cfOptions, mergeOperator,
        dbOptions, writeBufferManager, cache}) {
      closeQuietly(r);
    }
    states.clear();
    restored.clear();
    if (liveSnapshots.isEmpty()) {
      deleteQuietly(rootDir);
    } else {
      // snapshots still being written keep their directories; the last one removes the rest
      deleteQuietly(rootDir.resolve("db"));
    }
  }

  static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // best effort
      }
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort; a second attempt for files a concurrent writer left
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException again) {
        // give up
      }
    }
  }

  @Override
  public String toString() {
    return "RocksDBKeyedStateBackend{" + rootDir + ", key groups " + firstKeyGroup + ".." + (endKeyGroup - 1) + "}";
  }
}
