package dev.sluice.state.rocksdb;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.runtime.state.InternalValueState;
import org.rocksdb.ColumnFamilyHandle;

/** A value state in RocksDB: one entry per key and namespace. */
final class RocksDBValueState<T> extends RocksDBState implements InternalValueState<T> {
  RocksDBValueState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle cf, TypeSerializer<Object> serializer) {
    super(backend, cf, serializer);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T value() {
    return (T) deserialize(getRaw());
  }

  @Override
  public void update(T value) {
    if (value == null) {
      deleteRaw();
    } else {
      putRaw(serialize(value));
    }
  }
}
