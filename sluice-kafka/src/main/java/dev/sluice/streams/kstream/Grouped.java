package dev.sluice.streams.kstream;

import org.apache.kafka.common.serialization.Serde;

/**
 * How a stream is grouped. Kafka Streams uses the serdes for its repartition topic; Sluice
 * repartitions inside the engine and keeps the serdes only for compatibility. The name names the
 * exchange.
 */
public final class Grouped<K, V> {
  final Serde<K> keySerde;
  final Serde<V> valueSerde;
  final String name;

  private Grouped(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.name = name;
  }

  public static <K, V> Grouped<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
    return new Grouped<>(null, keySerde, valueSerde);
  }

  public static <K, V> Grouped<K, V> with(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    return new Grouped<>(name, keySerde, valueSerde);
  }

  public static <K, V> Grouped<K, V> as(String name) {
    return new Grouped<>(name, null, null);
  }

  public static <K, V> Grouped<K, V> keySerde(Serde<K> keySerde) {
    return new Grouped<>(null, keySerde, null);
  }

  public static <K, V> Grouped<K, V> valueSerde(Serde<V> valueSerde) {
    return new Grouped<>(null, null, valueSerde);
  }

  public Grouped<K, V> withName(String name) {
    return new Grouped<>(name, keySerde, valueSerde);
  }

  public Grouped<K, V> withKeySerde(Serde<K> keySerde) {
    return new Grouped<>(name, keySerde, valueSerde);
  }

  public Grouped<K, V> withValueSerde(Serde<V> valueSerde) {
    return new Grouped<>(name, keySerde, valueSerde);
  }

  public String name() {
    return name;
  }
}
