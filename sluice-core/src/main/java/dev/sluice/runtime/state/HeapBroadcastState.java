package dev.sluice.runtime.state;

import dev.sluice.api.common.state.BroadcastState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** A broadcast state on the heap: one map per operator instance, not scoped to any key. */
public final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
  private final String name;
  private final HashMap<K, V> map = new HashMap<>();

  public HeapBroadcastState(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  @Override
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public boolean contains(K key) {
    return map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() {
    return Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public void put(K key, V value) {
    map.put(key, value);
  }

  @Override
  public void putAll(Map<K, V> entries) {
    map.putAll(entries);
  }

  @Override
  public void remove(K key) {
    map.remove(key);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return map.entrySet().iterator();
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return map.entrySet();
  }

  @Override
  public void clear() {
    map.clear();
  }

  /** Number of entries. */
  public int size() {
    return map.size();
  }
}
