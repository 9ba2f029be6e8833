package dev.sluice.streams.kstream;

/** Tests a record (key and value); as Kafka Streams' {@code Predicate}. */
@FunctionalInterface
public interface Predicate<K, V> {
  boolean test(K key, V value);

  /** The negation of this predicate. */
  default Predicate<K, V> negate() {
    return (k, v) -> !test(k, v);
  }
}
