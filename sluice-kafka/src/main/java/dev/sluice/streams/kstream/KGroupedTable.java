package dev.sluice.streams.kstream;

import dev.sluice.streams.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A table re-grouped by {@link KTable#groupBy}: every update of the source table removes the old
 * value from its old group (the subtractor) and adds the new value to its new group (the adder).
 */
public interface KGroupedTable<K, V> {
  KTable<K, Long> count();

  KTable<K, Long> count(Named named);

  KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

  KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor);

  KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
      Aggregator<? super K, ? super V, VR> subtractor);

  <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
      Aggregator<? super K, ? super V, VR> subtractor, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);
}
