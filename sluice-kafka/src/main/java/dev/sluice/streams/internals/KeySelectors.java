package dev.sluice.streams.internals;

import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.streams.KeyValue;

/** The key selectors of the DSL's in-engine exchanges (serializable, no captured state). */
final class KeySelectors {
  private KeySelectors() {}

  static final class OfKeyValue<K, V> implements KeySelector<KeyValue<K, V>, K> {
    private static final long serialVersionUID = 1L;

    @Override
    public K getKey(KeyValue<K, V> value) {
      return value.key;
    }
  }

  static final class OfChange<K, V> implements KeySelector<Change<K, V>, K> {
    private static final long serialVersionUID = 1L;

    @Override
    public K getKey(Change<K, V> value) {
      return value.key();
    }
  }

  static final class OfDelta<K, V> implements KeySelector<Delta<K, V>, K> {
    private static final long serialVersionUID = 1L;

    @Override
    public K getKey(Delta<K, V> value) {
      return value.key();
    }
  }
}
