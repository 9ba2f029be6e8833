package dev.sluice.state.rocksdb;

import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.typeutils.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A list state in RocksDB: the elements of a key and namespace in one value, each encoded with
 * the element serializer, joined by the merge operator (so adding does not read).
 */
final class RocksDBListState<T> extends RocksDBState implements ListState<T> {
  private final TypeSerializer<Object> elements;

  RocksDBListState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle cf, TypeSerializer<Object> serializer) {
    super(backend, cf, serializer);
    this.elements = RocksDBKeyedStateBackend.listElements(serializer);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterable<T> get() {
    byte[] raw = getRaw();
    if (raw == null) {
      return List.of();
    }
    try {
      return (List<T>) RocksDBKeyedStateBackend.readElements(raw, elements);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode the list state", e);
    }
  }

  private byte[] encode(List<T> values) {
    valueOut.clear();
    try {
      RocksDBKeyedStateBackend.writeElements(values, elements, valueOut);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode list state elements", e);
    }
    return valueOut.getCopyOfBuffer();
  }

  @Override
  public void add(T value) {
    if (value == null) {
      throw new NullPointerException("A list state does not accept null elements");
    }
    mergeRawIn(namespace(), encode(List.of(value)));
  }

  @Override
  public void update(List<T> values) {
    if (values == null || values.isEmpty()) {
      deleteRaw();
    } else {
      putRaw(encode(values));
    }
  }

  @Override
  public void addAll(List<T> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    mergeRawIn(namespace(), encode(values));
  }

  @Override
  public void mergeNamespaces(Object target, Collection<Object> sources) {
    for (Object source : sources) {
      if (source.equals(target)) {
        continue;
      }
      byte[] part = getRawIn(source);
      if (part != null) {
        mergeRawIn(target, part);
        deleteRawIn(source);
      }
    }
    invalidate();
  }
}
