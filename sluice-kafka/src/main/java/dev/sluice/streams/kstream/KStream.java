package dev.sluice.streams.kstream;

import dev.sluice.streams.KeyValue;
import dev.sluice.streams.processor.api.ProcessorSupplier;
import dev.sluice.streams.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A stream of key-value records with timestamps (the Kafka record timestamps of its sources).
 * Operations that may change the key ({@code map}, {@code selectKey}, {@code flatMap}, {@code
 * groupBy}) need no repartition topic: the next grouping or join redistributes records by key
 * inside the engine.
 */
public interface KStream<K, V> {
  KStream<K, V> filter(Predicate<? super K, ? super V> predicate);

  KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

  KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate);

  KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

  <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper);

  <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named);

  <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper);

  <KR, VR> KStream<KR, VR> map(KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper,
      Named named);

  <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

  <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

  <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

  <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named);

  <KR, VR> KStream<KR, VR> flatMap(
      KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper);

  <KR, VR> KStream<KR, VR> flatMap(
      KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper,
      Named named);

  <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper);

  <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper, Named named);

  <VR> KStream<K, VR> flatMapValues(ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper);

  <VR> KStream<K, VR> flatMapValues(ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper,
      Named named);

  KStream<K, V> peek(ForeachAction<? super K, ? super V> action);

  KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named);

  void foreach(ForeachAction<? super K, ? super V> action);

  void foreach(ForeachAction<? super K, ? super V> action, Named named);

  KStream<K, V> merge(KStream<K, V> stream);

  KStream<K, V> merge(KStream<K, V> stream, Named named);

  BranchedKStream<K, V> split();

  BranchedKStream<K, V> split(Named named);

  void to(String topic);

  void to(String topic, Produced<K, V> produced);

  KTable<K, V> toTable();

  KTable<K, V> toTable(Named named);

  KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  KTable<K, V> toTable(Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

  KGroupedStream<K, V> groupByKey();

  KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped);

  <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector);

  <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector, Grouped<KR, V> grouped);

  /** Windowed inner join with another stream: records of the same key within the join window. */
  <VO, VR> KStream<K, VR> join(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows);

  <VO, VR> KStream<K, VR> join(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

  /** Windowed left join: also each record of this stream that joined nothing, with null, when its window closes. */
  <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows);

  <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

  /** Windowed outer join: unmatched records of either side are emitted with null when their window closes. */
  <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows);

  <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V, VO> streamJoined);

  /** Inner join: each stream record with the table's current value for its key; no match, no output. */
  <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner);

  <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined);

  /** Left join: like {@link #join(KTable, ValueJoiner)}, with a null table value when there is none. */
  <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner);

  <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined);

  <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> globalTable,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoiner<? super V, ? super GV, ? extends RV> joiner);

  <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> globalTable,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
      ValueJoiner<? super V, ? super GV, ? extends RV> joiner);

  <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> processorSupplier);

  <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> processorSupplier,
      Named named);
}
