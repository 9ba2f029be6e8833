package dev.sluice.state.rocksdb;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.typeutils.TypeSerializer;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** A reducing state in RocksDB: read, reduce, write. */
final class RocksDBReducingState<T> extends RocksDBState implements ReducingState<T> {
  private final ReduceFunction<T> reducer;

  RocksDBReducingState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle cf, TypeSerializer<Object> serializer,
      ReduceFunction<T> reducer) {
    super(backend, cf, serializer);
    this.reducer = reducer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) deserialize(getRaw());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(T value) throws Exception {
    if (value == null) {
      return;
    }
    T current = (T) deserialize(getRaw());
    putRaw(serialize(current == null ? value : reducer.reduce(current, value)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    mergeValues(target, sources, (a, b) -> reducer.reduce((T) a, (T) b));
  }
}
