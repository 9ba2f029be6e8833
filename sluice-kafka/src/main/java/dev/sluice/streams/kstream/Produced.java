package dev.sluice.streams.kstream;

import org.apache.kafka.common.serialization.Serde;

/**
 * How a stream is written to a topic: the key and value serdes (null: the configured defaults)
 * and a name for the sink.
 */
public final class Produced<K, V> {
  final Serde<K> keySerde;
  final Serde<V> valueSerde;
  final String name;

  private Produced(Serde<K> keySerde, Serde<V> valueSerde, String name) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.name = name;
  }

  public static <K, V> Produced<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Produced<>(keySerde, valueSerde, null);
  }

  public static <K, V> Produced<K, V> keySerde(Serde<K> keySerde) {
    return new Produced<>(keySerde, null, null);
  }

  public static <K, V> Produced<K, V> valueSerde(Serde<V> valueSerde) {
    return new Produced<>(null, valueSerde, null);
  }

  public static <K, V> Produced<K, V> as(String processorName) {
    return new Produced<>(null, null, processorName);
  }

  public Produced<K, V> withKeySerde(Serde<K> keySerde) {
    return new Produced<>(keySerde, valueSerde, name);
  }

  public Produced<K, V> withValueSerde(Serde<V> valueSerde) {
    return new Produced<>(keySerde, valueSerde, name);
  }

  public Produced<K, V> withName(String processorName) {
    return new Produced<>(keySerde, valueSerde, processorName);
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
