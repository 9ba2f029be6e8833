package dev.sluice.api.common.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map kept by every parallel instance of a broadcast operator (operator state, not keyed), changed
 * only from the broadcast side, so that all instances hold the same contents.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
  void put(K key, V value) throws Exception;

  void putAll(Map<K, V> map) throws Exception;

  void remove(K key) throws Exception;

  Iterator<Map.Entry<K, V>> iterator() throws Exception;

  Iterable<Map.Entry<K, V>> entries() throws Exception;
}
