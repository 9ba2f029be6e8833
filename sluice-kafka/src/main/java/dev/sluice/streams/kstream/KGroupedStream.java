package dev.sluice.streams.kstream;

import dev.sluice.streams.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A stream grouped by key, to aggregate. Records with a null key or value are dropped (counted in
 * the aggregation's {@code droppedRecords} metric and logged), as Kafka Streams does.
 */
public interface KGroupedStream<K, V> {
  KTable<K, Long> count();

  KTable<K, Long> count(Named named);

  KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

  KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

  KTable<K, V> reduce(Reducer<V> reducer);

  KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  KTable<K, V> reduce(Reducer<V> reducer, Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator);

  <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
      Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** Aggregates in time windows (tumbling or hopping). */
  TimeWindowedKStream<K, V> windowedBy(TimeWindows windows);

  /** Aggregates in sliding windows (results keyed by windows {@code [start, start + d]}). */
  TimeWindowedKStream<K, V> windowedBy(SlidingWindows windows);

  /** Aggregates in session windows. */
  SessionWindowedKStream<K, V> windowedBy(SessionWindows windows);
}
