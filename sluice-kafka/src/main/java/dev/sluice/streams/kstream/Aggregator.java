package dev.sluice.streams.kstream;

/** Adds a record's value to (or, as a subtractor, removes it from) an aggregate. */
@FunctionalInterface
public interface Aggregator<K, V, VA> {
  VA apply(K key, V value, VA aggregate);
}
