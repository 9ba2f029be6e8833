package dev.sluice.streams;

import java.util.Objects;

/** A key and a value, as Kafka Streams' {@code KeyValue}. */
public final class KeyValue<K, V> {
  public final K key;
  public final V value;

  public KeyValue(K key, V value) {
    this.key = key;
    this.value = value;
  }

  public static <K, V> KeyValue<K, V> pair(K key, V value) {
    return new KeyValue<>(key, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue<?, ?> kv && Objects.equals(key, kv.key) && Objects.equals(value, kv.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value);
  }

  @Override
  public String toString() {
    return "KeyValue(" + key + ", " + value + ")";
  }
}
