package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.Output;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record cache of a table operator: with caching, the updates of a key are coalesced (the
 * newest value with the value before the first update) until {@link #flush()}; without, each
 * update is emitted at once. An update that neither has nor replaces a value is not emitted.
 */
final class ChangeForwarder<K, V> {
  private record Entry(Object newValue, Object oldValue, long timestamp) {}

  private final Output<Change<K, V>> out;
  private final boolean caching;
  private final int maxEntries;
  private final LinkedHashMap<Object, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);

  ChangeForwarder(Output<Change<K, V>> out, TableSettings settings) {
    this.out = out;
    this.caching = settings.caching();
    this.maxEntries = Math.max(1, settings.maxEntries());
  }

  void forward(K key, V newValue, V oldValue, long timestamp) {
    if (!caching) {
      emit(key, newValue, oldValue, timestamp);
      return;
    }
    Entry previous = cache.get(key);
    cache.put(key, new Entry(newValue, previous == null ? oldValue : previous.oldValue, timestamp));
    if (cache.size() > maxEntries) {
      Iterator<Map.Entry<Object, Entry>> it = cache.entrySet().iterator();
      Map.Entry<Object, Entry> eldest = it.next();
      it.remove();
      emitEntry(eldest.getKey(), eldest.getValue());
    }
  }

  void flush() {
    if (cache.isEmpty()) {
      return;
    }
    Object[] keys = cache.keySet().toArray();
    Entry[] entries = cache.values().toArray(new Entry[0]);
    cache.clear();
    for (int i = 0; i < keys.length; i++) {
      emitEntry(keys[i], entries[i]);
    }
  }

  @SuppressWarnings("unchecked")
  private void emitEntry(Object key, Entry e) {
    emit((K) key, (V) e.newValue, (V) e.oldValue, e.timestamp);
  }

  private void emit(K key, V newValue, V oldValue, long timestamp) {
    if (newValue == null && oldValue == null) {
      return;
    }
    out.collect(new Change<>(key, newValue, oldValue), timestamp);
  }
}
