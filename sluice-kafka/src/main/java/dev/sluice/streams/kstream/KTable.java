package dev.sluice.streams.kstream;

import dev.sluice.streams.KeyValue;
import dev.sluice.streams.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A changelog: an update replaces the value of its key, a null value deletes it. Updates travel
 * with the value they replace, so that a {@link #groupBy re-grouping} can subtract it.
 */
public interface KTable<K, V> {
  KTable<K, V> filter(Predicate<? super K, ? super V> predicate);

  KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

  KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate);

  KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

  <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

  <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  /** The updates of this table as a stream (a deletion is a record with a null value). */
  KStream<K, V> toStream();

  KStream<K, V> toStream(Named named);

  <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector);

  <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector,
      Grouped<KR, VR> grouped);

  <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

  <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

  /**
   * Emits only final results: on a table a windowed aggregation produced, with {@code
   * Suppressed.untilWindowCloses(..)}, each window's value once, when the window closes. Other
   * tables cannot be suppressed yet (an {@code UnsupportedOperationException} says so).
   */
  KTable<K, V> suppress(Suppressed<? super K> suppressed);

  /** Always null: Sluice has no interactive queries yet. */
  default String queryableStoreName() {
    return null;
  }
}
