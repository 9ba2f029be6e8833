package dev.sluice.streams.kstream;

import org.apache.kafka.common.serialization.Serde;

/**
 * Options of a stream-stream join. The serdes are accepted for compatibility (the join's buffers
 * are keyed state, no serdes needed); the name names the join operator.
 */
public final class StreamJoined<K, V1, V2> {
  final String name;

  private StreamJoined(String name) {
    this.name = name;
  }

  public static <K, V1, V2> StreamJoined<K, V1, V2> with(Serde<K> keySerde, Serde<V1> valueSerde,
      Serde<V2> otherValueSerde) {
    return new StreamJoined<>(null);
  }

  public static <K, V1, V2> StreamJoined<K, V1, V2> as(String storeName) {
    return new StreamJoined<>(storeName);
  }

  public StreamJoined<K, V1, V2> withName(String name) {
    return new StreamJoined<>(name);
  }

  public StreamJoined<K, V1, V2> withStoreName(String storeName) {
    return new StreamJoined<>(storeName);
  }

  public String name() {
    return name;
  }
}
