package dev.sluice.api.common.state;

import java.util.Map;

/**
 * The view of a broadcast state from the non-broadcast side of a broadcast connection: reads only.
 * Values returned must not be modified either, or the parallel instances would drift apart.
 */
public interface ReadOnlyBroadcastState<K, V> extends State {
  V get(K key) throws Exception;

  boolean contains(K key) throws Exception;

  /** The entries, as an unmodifiable view. */
  Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
