package dev.sluice.runtime.state;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import dev.sluice.runtime.time.InternalTimerService;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The keyed state of one keyed subtask, whatever stores it: the heap ({@link
 * HeapKeyedStateBackend}) or an embedded RocksDB (module {@code sluice-state-rocksdb}). A {@link
 * StateBackend} creates one per keyed subtask; operators reach it through {@code
 * OperatorContext.keyedState()}. Used by the subtask's thread only, except that a {@link
 * KeyedStateSnapshot} it returns is written on a checkpoint writer thread.
 *
 * <p>Values a backend returns may be copies ({@link #storesCopies()}): an operator that changes a
 * value in place must write it back with {@code update}/{@code put} to be portable.
 */
public interface KeyedStateBackend extends AutoCloseable {
  /** Scopes all state to {@code key} until the next call; null keys are refused. */
  void setCurrentKey(Object key);

  /** The key set last, or null before the first one. */
  Object currentKey();

  /** The state a descriptor names, created on first use; the same name gives the same state. */
  <S extends State> S getOrCreate(StateDescriptor<S, ?> descriptor);

  /** The value state called {@code name}, values encoded by their runtime class (built-in operators). */
  default <T> InternalValueState<T> valueState(String name) {
    return valueState(name, dev.sluice.runtime.typeutils.DynamicSerializer.INSTANCE);
  }

  /**
   * The value state called {@code name}, created on first use, whose values are encoded with
   * {@code serializer} (for built-in operators with state of their own classes).
   */
  <T> InternalValueState<T> valueState(String name, TypeSerializer<?> serializer);

  /**
   * Runs {@code function} for every key that has a value in the state {@code descriptor} names,
   * with the current key set to it; the current key is restored afterwards.
   */
  <K, S extends State> void applyToAllKeys(StateDescriptor<S, ?> descriptor,
      KeyedStateFunction<K, S> function) throws Exception;

  /** Names of the states registered so far. */
  Set<String> stateNames();

  /** Called by an operator creating a timer service: its timers become part of snapshots. */
  void registerTimerService(InternalTimerService<?> service);

  /**
   * Whether values read are copies of what is stored (true for RocksDB): a value changed in place
   * must be written back. Constant for a backend; operators read it once when they open.
   */
  boolean storesCopies();

  /** Makes the states checkpointable; serializers come from {@code config}. */
  void enableSnapshots(ExecutionConfig config);

  boolean snapshotsEnabled();

  /** The synchronous part of a checkpoint: a consistent copy, written later off this thread. */
  KeyedStateSnapshot snapshot() throws Exception;

  /**
   * The synchronous part of checkpoint {@code checkpointId}; a backend with incremental
   * checkpoints writes its native files unless {@code savepoint}. Defaults to {@link #snapshot()}.
   */
  default KeyedStateSnapshot snapshot(long checkpointId, boolean savepoint) throws Exception {
    return snapshot();
  }

  /**
   * Restores keyed state kept in native files (an incremental RocksDB checkpoint) if this backend
   * can take them as they are (RocksDB at the same parallelism): {@code keyGroups} then hold the
   * timers only. Returns false (the default) when it cannot; the caller then converts the files
   * to key-group blocks ({@link NativeStateReaders}) and calls {@link #restore}.
   */
  default boolean restoreNative(byte[] meta, Map<Integer, byte[]> keyGroups,
      java.util.List<dev.sluice.runtime.checkpoint.NativeRestore> nativeState) throws IOException {
    return false;
  }

  /**
   * Loads state and timers written by a snapshot (of any backend, at any parallelism): {@code
   * meta} describes the states, {@code keyGroups} holds the blocks of the key groups this backend
   * owns. Called before the operator opens.
   */
  void restore(byte[] meta, Map<Integer, byte[]> keyGroups) throws IOException;

  /** A checkpoint completed (backends with incremental checkpoints track what is shared). */
  default void notifyCheckpointComplete(long checkpointId) {}

  /**
   * Registers how to clean expired values of state {@code name} (a state with a time to live):
   * {@code cleaner} maps a stored value — a {@code TtlValue}, or a list of them for list state, or
   * a map (heap) or one entry's {@code TtlValue} (RocksDB) for map state — to null when all of it
   * expired, or to what is left. With {@code inSnapshots}, full snapshots leave expired values
   * out. Returns a step of background cleanup ({@code cleanupSize} entries) that the state runs on
   * each access.
   */
  Runnable setExpiry(String name, java.util.function.UnaryOperator<Object> cleaner, int cleanupSize,
      boolean inSnapshots);

  /**
   * Releases everything the backend holds (native memory, files); called once when the subtask
   * ends, also after a failure or cancellation. State must not be used afterwards.
   */
  @Override
  void close();
}
