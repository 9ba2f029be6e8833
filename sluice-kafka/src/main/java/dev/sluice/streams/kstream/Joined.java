package dev.sluice.streams.kstream;

import org.apache.kafka.common.serialization.Serde;

/**
 * Options of a stream-table join. The serdes are accepted for compatibility (Sluice needs none:
 * the join's exchange is in the engine); the name names the join operator.
 */
public final class Joined<K, V, VO> {
  final Serde<K> keySerde;
  final Serde<V> valueSerde;
  final Serde<VO> otherValueSerde;
  final String name;

  private Joined(Serde<K> keySerde, Serde<V> valueSerde, Serde<VO> otherValueSerde, String name) {
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.otherValueSerde = otherValueSerde;
    this.name = name;
  }

  public static <K, V, VO> Joined<K, V, VO> with(Serde<K> keySerde, Serde<V> valueSerde,
      Serde<VO> otherValueSerde) {
    return new Joined<>(keySerde, valueSerde, otherValueSerde, null);
  }

  public static <K, V, VO> Joined<K, V, VO> as(String name) {
    return new Joined<>(null, null, null, name);
  }

  public Joined<K, V, VO> withName(String name) {
    return new Joined<>(keySerde, valueSerde, otherValueSerde, name);
  }

  public String name() {
    return name;
  }
}
