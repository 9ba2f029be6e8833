package dev.sluice.runtime.state;

/**
 * Where a job keeps its keyed state: creates the {@link KeyedStateBackend} of each keyed subtask.
 * {@link HashMapStateBackend} (objects on the heap) is the default; {@code
 * EmbeddedRocksDBStateBackend} (module {@code sluice-state-rocksdb}) keeps state serialized in an
 * embedded RocksDB per subtask. Choose one with {@code env.setStateBackend(..)} or by name with
 * {@code env.getConfig().setStateBackend("rocksdb")} (see {@link StateBackends}). Snapshots of
 * every backend have the same format, so a savepoint taken with one restores with another.
 */
public interface StateBackend extends java.io.Serializable {
  /** The name the backend is chosen by ("hashmap", "rocksdb"). */
  String name();

  /** Creates the keyed state of one subtask; fails with a clear message if it cannot. */
  KeyedStateBackend createKeyedStateBackend(KeyedBackendParameters parameters);
}
