package dev.sluice.state.rocksdb;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.state.InternalKeyedState;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A piece of keyed state in a column family: builds the RocksDB key of the current key and
 * namespace, and keeps the serialized value of the last (key, namespace) read or written, so a
 * read-then-write costs one RocksDB read.
 */
abstract class RocksDBState implements InternalKeyedState<Object> {
  final RocksDBKeyedStateBackend backend;
  final ColumnFamilyHandle cf;
  final TypeSerializer<Object> serializer;
  private Object namespace = VoidNamespace.INSTANCE;
  final DataOutputSerializer keyOut = new DataOutputSerializer(64);
  final DataOutputSerializer valueOut = new DataOutputSerializer(64);
  final DataInputDeserializer in = new DataInputDeserializer();

  // the read cache: serialized value (or absence) of (key epoch, namespace)
  private long cachedEpoch = -1;
  private Object cachedNamespace;
  private byte[] cachedValue;

  RocksDBState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle cf, TypeSerializer<Object> serializer) {
    this.backend = backend;
    this.cf = cf;
    this.serializer = serializer;
  }

  @Override
  public void setCurrentNamespace(Object namespace) {
    this.namespace = namespace == null ? VoidNamespace.INSTANCE : namespace;
  }

  Object namespace() {
    return namespace;
  }

  /** The RocksDB key of the current key in {@code ns} (a fresh array). */
  byte[] keyIn(Object ns) {
    keyOut.clear();
    backend.writeKeyPrefix(keyOut);
    try {
      RocksDBKeyedStateBackend.writeNamespace(keyOut, ns);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the namespace " + ns, e);
    }
    return keyOut.getCopyOfBuffer();
  }

  byte[] currentKeyBytes() {
    return keyIn(namespace);
  }

  private boolean cached() {
    return cachedEpoch == backend.keyEpoch()
        && (cachedNamespace == namespace || namespace.equals(cachedNamespace));
  }

  private void cache(byte[] value) {
    cachedEpoch = backend.keyEpoch();
    cachedNamespace = namespace;
    cachedValue = value;
  }

  void invalidate() {
    cachedEpoch = -1;
    cachedNamespace = null;
    cachedValue = null;
  }

  /** The serialized value of the current key and namespace, or null. */
  byte[] getRaw() {
    if (cached()) {
      return cachedValue;
    }
    byte[] value = getRawIn(namespace);
    cache(value);
    return value;
  }

  byte[] getRawIn(Object ns) {
    try {
      return backend.db().get(cf, backend.readOptions(), keyIn(ns));
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  void putRaw(byte[] value) {
    putRawIn(namespace, value);
    cache(value);
  }

  void putRawIn(Object ns, byte[] value) {
    try {
      backend.db().put(cf, backend.writeOptions(), keyIn(ns), value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
    if (ns != namespace) {
      invalidate();
    }
  }

  void mergeRawIn(Object ns, byte[] value) {
    try {
      backend.db().merge(cf, backend.writeOptions(), keyIn(ns), value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
    invalidate();
  }

  void deleteRaw() {
    deleteRawIn(namespace);
    cache(null);
  }

  void deleteRawIn(Object ns) {
    try {
      backend.db().delete(cf, backend.writeOptions(), keyIn(ns));
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
    if (ns != namespace) {
      invalidate();
    }
  }

  byte[] serialize(Object value) {
    valueOut.clear();
    try {
      serializer.serialize(value, valueOut);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a value of state " + this, e);
    }
    return valueOut.getCopyOfBuffer();
  }

  Object deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    in.setBuffer(bytes);
    try {
      return serializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode a value of state " + this, e);
    }
  }

  IllegalStateException failure(String what, RocksDBException e) {
    return new IllegalStateException("RocksDB could not " + what + " keyed state: " + e.getMessage(), e);
  }

  public void clear() {
    deleteRaw();
  }

  /** Merges {@code combine}d values of {@code sources} into {@code target} (value-like states). */
  interface Combiner {
    Object combine(Object a, Object b) throws Exception;
  }

  void mergeValues(Object target, Collection<Object> sources, Combiner combine) throws Exception {
    Object merged = deserialize(getRawIn(target));
    boolean changed = false;
    for (Object source : sources) {
      if (source.equals(target)) {
        continue;
      }
      Object part = deserialize(getRawIn(source));
      if (part != null) {
        merged = merged == null ? part : combine.combine(merged, part);
        deleteRawIn(source);
        changed = true;
      }
    }
    if (changed && merged != null) {
      putRawIn(target, serialize(merged));
    }
    invalidate();
  }

  @Override
  public int size() {
    int n = 0;
    try (RocksIterator it = backend.db().newIterator(cf, backend.readOptions())) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void forEachKey(Consumer<Object> action) {
    Set<Object> keys = new LinkedHashSet<>();
    DataInputDeserializer keyIn = new DataInputDeserializer();
    try (RocksIterator it = backend.db().newIterator(cf, backend.readOptions())) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] k = it.key();
        keyIn.setBuffer(k, 2, k.length - 2);
        Object key = DynamicSerializer.INSTANCE.deserialize(keyIn);
        if (keyIn.readByte() == 0) {
          keys.add(key);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode a key of state " + this, e);
    }
    keys.forEach(action);
  }
}
