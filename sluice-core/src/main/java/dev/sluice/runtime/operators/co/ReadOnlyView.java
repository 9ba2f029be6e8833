package dev.sluice.runtime.operators.co;

import dev.sluice.api.common.state.ReadOnlyBroadcastState;
import java.util.Map;

/**
 * A read-only view of a broadcast state: a cast cannot get write access back, which keeps the
 * non-broadcast side from making parallel instances disagree.
 */
final class ReadOnlyView<K, V> implements ReadOnlyBroadcastState<K, V> {
  private final ReadOnlyBroadcastState<K, V> state;

  ReadOnlyView(ReadOnlyBroadcastState<K, V> state) {
    this.state = state;
  }

  @Override
  public V get(K key) throws Exception {
    return state.get(key);
  }

  @Override
  public boolean contains(K key) throws Exception {
    return state.contains(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
    return state.immutableEntries();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("The broadcast state is read-only on the "
        + "non-broadcast side; change it in processBroadcastElement");
  }
}
