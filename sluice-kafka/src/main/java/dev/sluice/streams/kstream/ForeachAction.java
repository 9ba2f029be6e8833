package dev.sluice.streams.kstream;

/** An action on each record, for its side effect. */
@FunctionalInterface
public interface ForeachAction<K, V> {
  void apply(K key, V value);
}
