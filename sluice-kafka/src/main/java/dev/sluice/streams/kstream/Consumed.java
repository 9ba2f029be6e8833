package dev.sluice.streams.kstream;

import org.apache.kafka.common.serialization.Serde;

/**
 * How a topic is read: the key and value serdes (null: the configured {@code default.key.serde} /
 * {@code default.value.serde}) and a name for the source.
 */
public final class Consumed<K, V> {
  final Serde<K> keySerde;
  final Serde<V> valueSerde;
  final String name;

  private Consumed(Serde<K> keySerde, Serde<V> valueSerde, String name) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.name = name;
  }

  public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Consumed<>(keySerde, valueSerde, null);
  }

  public static <K, V> Consumed<K, V> as(String processorName) {
    return new Consumed<>(null, null, processorName);
  }

  public Consumed<K, V> withKeySerde(Serde<K> keySerde) {
    return new Consumed<>(keySerde, valueSerde, name);
  }

  public Consumed<K, V> withValueSerde(Serde<V> valueSerde) {
    return new Consumed<>(keySerde, valueSerde, name);
  }

  public Consumed<K, V> withName(String processorName) {
    return new Consumed<>(keySerde, valueSerde, processorName);
  }

  public Serde<K> keySerde() {
    return keySerde;
  }

  public Serde<V> valueSerde() {
    return valueSerde;
  }

  public String name() {
    return name;
  }
}
