package dev.sluice.streams;

import dev.sluice.streams.internals.GlobalKTableImpl;
import dev.sluice.streams.internals.InternalBuilder;
import dev.sluice.streams.internals.KStreamImpl;
import dev.sluice.streams.internals.KTableImpl;
import dev.sluice.streams.internals.Node;
import dev.sluice.streams.kstream.Consumed;
import dev.sluice.streams.kstream.GlobalKTable;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.Materialized;
import dev.sluice.streams.state.KeyValueStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/** Builds a DSL topology: sources ({@code stream}, {@code table}, {@code globalTable}), then {@link #build()}. */
public class StreamsBuilder {
  private final InternalBuilder builder = new InternalBuilder();

  public synchronized <K, V> KStream<K, V> stream(String topic) {
    return stream(List.of(topic), null);
  }

  public synchronized <K, V> KStream<K, V> stream(String topic, Consumed<K, V> consumed) {
    return stream(List.of(topic), consumed);
  }

  public synchronized <K, V> KStream<K, V> stream(Collection<String> topics) {
    return stream(topics, null);
  }

  public synchronized <K, V> KStream<K, V> stream(Collection<String> topics, Consumed<K, V> consumed) {
    Objects.requireNonNull(topics, "topics");
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("stream() needs at least one topic");
    }
    String name = builder.name(consumed == null ? null : consumed.name(), "KSTREAM-SOURCE-");
    List<Node<KeyValue<K, V>>> sources = new ArrayList<>();
    for (String topic : topics) {
      builder.addSourceTopic(topic);
      sources.add(source(topic, consumed, topics.size() == 1 ? name : name + "-" + topic));
    }
    Node<KeyValue<K, V>> node = sources.size() == 1 ? sources.get(0) : c -> {
      var first = c.get(sources.get(0));
      for (int i = 1; i < sources.size(); i++) {
        first = first.union(c.get(sources.get(i)));
      }
      return first;
    };
    return new KStreamImpl<>(builder, node);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <K, V> Node<KeyValue<K, V>> source(String topic, Consumed<K, V> consumed, String name) {
    Serde<K> keySerde = consumed == null ? null : consumed.keySerde();
    Serde<V> valueSerde = consumed == null ? null : consumed.valueSerde();
    return c -> (dev.sluice.streaming.api.datastream.DataStream) c.io().source(c, topic,
        c.keySerde(keySerde, topic).deserializer(), c.valueSerde(valueSerde, topic).deserializer(), name);
  }

  public synchronized <K, V> KTable<K, V> table(String topic) {
    return table(topic, null, null);
  }

  public synchronized <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed) {
    return table(topic, consumed, null);
  }

  public synchronized <K, V> KTable<K, V> table(String topic,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return table(topic, null, materialized);
  }

  /** A table of the topic's records: each replaces the value of its key; a null value deletes it. */
  public synchronized <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(topic, "topic");
    String sourceName = builder.name(consumed == null ? null : consumed.name(), "KSTREAM-SOURCE-");
    builder.addSourceTopic(topic);
    KStreamImpl<K, V> records = new KStreamImpl<>(builder, source(topic, consumed, sourceName));
    if (materialized == null) {
      return records.toTable(Materialized.as(builder.newName("KTABLE-SOURCE-")));
    }
    return records.toTable(materialized.storeName() != null ? materialized
        : withName(materialized, builder.newName("KTABLE-SOURCE-")));
  }

  private static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> withName(
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> m, String name) {
    Materialized<K, V, KeyValueStore<Bytes, byte[]>> named = Materialized.as(name);
    return Boolean.FALSE.equals(m.caching()) ? named.withCachingDisabled()
        : Boolean.TRUE.equals(m.caching()) ? named.withCachingEnabled() : named;
  }

  public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic) {
    return globalTable(topic, null, null);
  }

  public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed) {
    return globalTable(topic, consumed, null);
  }

  /** A table that every parallel task holds in full (all partitions of the topic, broadcast). */
  public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(topic, "topic");
    String sourceName = builder.name(consumed == null ? null : consumed.name(), "KSTREAM-SOURCE-");
    builder.addSourceTopic(topic);
    String name = builder.name(materialized == null ? null : materialized.storeName(), "GLOBALKTABLE-");
    return new GlobalKTableImpl<>(name, source(topic, consumed, sourceName));
  }

  /** The topology built so far. */
  public synchronized Topology build() {
    return new Topology(builder);
  }
}
