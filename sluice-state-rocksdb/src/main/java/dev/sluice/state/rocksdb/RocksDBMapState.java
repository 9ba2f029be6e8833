package dev.sluice.state.rocksdb;

import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * A map state in RocksDB: one entry per user key, after the (key group, key, namespace) prefix,
 * so the entries of a map are a contiguous range, read by prefix iteration.
 */
final class RocksDBMapState<UK, UV> extends RocksDBState implements MapState<UK, UV> {
  private final TypeSerializer<Object> keys;
  private final TypeSerializer<Object> values;
  private final DataOutputSerializer userKeyOut = new DataOutputSerializer(64);
  private final DataInputDeserializer entryIn = new DataInputDeserializer();

  RocksDBMapState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle cf, TypeSerializer<Object> serializer) {
    super(backend, cf, serializer);
    this.keys = RocksDBKeyedStateBackend.mapKeys(serializer);
    this.values = RocksDBKeyedStateBackend.mapValues(serializer);
  }

  private byte[] entryKey(Object userKey) {
    byte[] prefix = currentKeyBytes();
    userKeyOut.clear();
    userKeyOut.write(prefix);
    try {
      keys.serialize(userKey, userKeyOut);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the map key " + userKey, e);
    }
    return userKeyOut.getCopyOfBuffer();
  }

  private byte[] encodeValue(Object value) {
    valueOut.clear();
    try {
      RocksDBKeyedStateBackend.writeMapValue(value, values, valueOut);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a map value", e);
    }
    return valueOut.getCopyOfBuffer();
  }

  @SuppressWarnings("unchecked")
  private UV decodeValue(byte[] bytes) {
    entryIn.setBuffer(bytes);
    try {
      return (UV) RocksDBKeyedStateBackend.readMapValue(entryIn, values);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode a map value", e);
    }
  }

  @Override
  public UV get(UK key) throws RocksDBException {
    byte[] raw = backend.db().get(cf, backend.readOptions(), entryKey(key));
    return raw == null ? null : decodeValue(raw);
  }

  @Override
  public void put(UK key, UV value) throws RocksDBException {
    backend.db().put(cf, backend.writeOptions(), entryKey(key), encodeValue(value));
  }

  @Override
  public void putAll(Map<UK, UV> map) throws RocksDBException {
    if (map == null || map.isEmpty()) {
      return;
    }
    try (WriteBatch batch = new WriteBatch()) {
      for (Map.Entry<UK, UV> e : map.entrySet()) {
        batch.put(cf, entryKey(e.getKey()), encodeValue(e.getValue()));
      }
      backend.db().write(backend.writeOptions(), batch);
    }
  }

  @Override
  public void remove(UK key) throws RocksDBException {
    backend.db().delete(cf, backend.writeOptions(), entryKey(key));
  }

  @Override
  public boolean contains(UK key) throws RocksDBException {
    return backend.db().get(cf, backend.readOptions(), entryKey(key)) != null;
  }

  /** The current key's entries in the current namespace, read now. */
  @SuppressWarnings("unchecked")
  private List<Map.Entry<UK, UV>> read() {
    byte[] prefix = currentKeyBytes();
    List<Map.Entry<UK, UV>> out = new ArrayList<>();
    try (RocksIterator it = backend.db().newIterator(cf, backend.readOptions())) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (!startsWith(k, prefix)) {
          break;
        }
        entryIn.setBuffer(k, prefix.length, k.length - prefix.length);
        UK userKey = (UK) keys.deserialize(entryIn);
        out.add(new Entry(userKey, decodeValue(it.value()), Arrays.copyOf(k, k.length)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode a map key", e);
    }
    return out;
  }

  /** An entry read from RocksDB; {@code setValue} writes through. */
  private final class Entry extends AbstractMap.SimpleEntry<UK, UV> {
    private static final long serialVersionUID = 1L;
    private final transient byte[] rocksKey;

    Entry(UK key, UV value, byte[] rocksKey) {
      super(key, value);
      this.rocksKey = rocksKey;
    }

    @Override
    public UV setValue(UV value) {
      try {
        backend.db().put(cf, backend.writeOptions(), rocksKey, encodeValue(value));
      } catch (RocksDBException e) {
        throw failure("write", e);
      }
      return super.setValue(value);
    }
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return this::iterator;
  }

  @Override
  public Iterable<UK> keys() {
    return () -> mapped(true);
  }

  @Override
  public Iterable<UV> values() {
    return () -> mapped(false);
  }

  @SuppressWarnings("unchecked")
  private <X> Iterator<X> mapped(boolean key) {
    Iterator<Map.Entry<UK, UV>> entries = iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public X next() {
        Map.Entry<UK, UV> e = entries.next();
        return (X) (key ? e.getKey() : e.getValue());
      }

      @Override
      public void remove() {
        entries.remove();
      }
    };
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    List<Map.Entry<UK, UV>> entries = read();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < entries.size();
      }

      @Override
      public Map.Entry<UK, UV> next() {
        if (next >= entries.size()) {
          throw new NoSuchElementException();
        }
        return entries.get(next++);
      }

      @Override
      public void remove() {
        if (next == 0) {
          throw new IllegalStateException();
        }
        @SuppressWarnings("unchecked")
        Entry e = (Entry) entries.get(next - 1);
        try {
          backend.db().delete(cf, backend.writeOptions(), e.rocksKey);
        } catch (RocksDBException ex) {
          throw failure("delete", ex);
        }
      }
    };
  }

  @Override
  public boolean isEmpty() {
    byte[] prefix = currentKeyBytes();
    try (RocksIterator it = backend.db().newIterator(cf, backend.readOptions())) {
      it.seek(prefix);
      return !(it.isValid() && startsWith(it.key(), prefix));
    }
  }

  @Override
  public void clear() {
    byte[] prefix = currentKeyBytes();
    try (RocksIterator it = backend.db().newIterator(cf, backend.readOptions());
        WriteBatch batch = new WriteBatch()) {
      for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
        batch.delete(cf, it.key());
      }
      backend.db().write(backend.writeOptions(), batch);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  /** Number of (key, namespace) maps, like the heap backend counts them. */
  @Override
  public int size() {
    int n = 0;
    byte[] last = null;
    int lastLength = 0;
    DataInputDeserializer scan = new DataInputDeserializer();
    try (RocksIterator it = backend.db().newIterator(cf, backend.readOptions())) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] k = it.key();
        int p = RocksDBKeyedStateBackend.prefixLength(k, scan);
        if (last == null || p != lastLength || !Arrays.equals(k, 0, p, last, 0, p)) {
          n++;
          last = k;
          lastLength = p;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }
}
