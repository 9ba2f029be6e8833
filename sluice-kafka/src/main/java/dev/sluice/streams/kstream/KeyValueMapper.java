package dev.sluice.streams.kstream;

/** Maps a record (key and value) to a new value of any type: a key, a {@code KeyValue}, a list. */
@FunctionalInterface
public interface KeyValueMapper<K, V, VR> {
  VR apply(K key, V value);
}
