package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.BranchedKStream;
import dev.sluice.streams.kstream.ForeachAction;
import dev.sluice.streams.kstream.GlobalKTable;
import dev.sluice.streams.kstream.Grouped;
import dev.sluice.streams.kstream.Joined;
import dev.sluice.streams.kstream.KGroupedStream;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.KeyValueMapper;
import dev.sluice.streams.kstream.Materialized;
import dev.sluice.streams.kstream.Named;
import dev.sluice.streams.kstream.Predicate;
import dev.sluice.streams.kstream.Produced;
import dev.sluice.streams.kstream.ValueJoiner;
import dev.sluice.streams.kstream.ValueMapper;
import dev.sluice.streams.kstream.ValueMapperWithKey;
import dev.sluice.streams.processor.api.ProcessorSupplier;
import dev.sluice.streams.state.KeyValueStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/** A {@link KStream}: a node whose stream carries {@link KeyValue}s with their timestamps. */
public final class KStreamImpl<K, V> implements KStream<K, V> {
  final InternalBuilder builder;
  final Node<KeyValue<K, V>> node;

  public KStreamImpl(InternalBuilder builder, Node<KeyValue<K, V>> node) {
    this.builder = builder;
    this.node = node;
  }

  private static String given(Named named) {
    return named == null ? null : named.name();
  }

  private <KR, VR> KStream<KR, VR> stateless(String prefix, Named named,
      StatelessOperator.Fn<KeyValue<K, V>, KeyValue<KR, VR>> fn) {
    String name = builder.name(given(named), prefix);
    return new KStreamImpl<>(builder, c -> c.get(node).transform(name, Compilation.anyType(),
        () -> new StatelessOperator<>(fn)));
  }

  @Override
  public KStream<K, V> filter(Predicate<? super K, ? super V> predicate) {
    return filter(predicate, null);
  }

  @Override
  public KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
    Objects.requireNonNull(predicate, "predicate");
    return stateless("KSTREAM-FILTER-", named, (kv, ts, out) -> {
      if (predicate.test(kv.key, kv.value)) {
        out.collect(kv, ts);
      }
    });
  }

  @Override
  public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
    return filterNot(predicate, null);
  }

  @Override
  public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
    Objects.requireNonNull(predicate, "predicate");
    return stateless("KSTREAM-FILTER-", named, (kv, ts, out) -> {
      if (!predicate.test(kv.key, kv.value)) {
        out.collect(kv, ts);
      }
    });
  }

  @Override
  public <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper) {
    return selectKey(mapper, null);
  }

  @Override
  public <KR> KStream<KR, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return stateless("KSTREAM-KEY-SELECT-", named,
        (kv, ts, out) -> out.collect(new KeyValue<>(mapper.apply(kv.key, kv.value), kv.value), ts));
  }

  @Override
  public <KR, VR> KStream<KR, VR> map(
      KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper) {
    return map(mapper, null);
  }

  @Override
  public <KR, VR> KStream<KR, VR> map(
      KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper, Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return stateless("KSTREAM-MAP-", named, (kv, ts, out) -> {
      KeyValue<? extends KR, ? extends VR> r = mapper.apply(kv.key, kv.value);
      if (r == null) {
        throw new NullPointerException("The mapper of map() returned null for " + kv + "; return a KeyValue");
      }
      out.collect(new KeyValue<>(r.key, r.value), ts);
    });
  }

  @Override
  public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
    return mapValues(mapper, (Named) null);
  }

  @Override
  public <VR> KStream<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return stateless("KSTREAM-MAPVALUES-", named,
        (kv, ts, out) -> out.collect(new KeyValue<>(kv.key, mapper.apply(kv.value)), ts));
  }

  @Override
  public <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
    return mapValues(mapper, null);
  }

  @Override
  public <VR> KStream<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return stateless("KSTREAM-MAPVALUES-", named,
        (kv, ts, out) -> out.collect(new KeyValue<>(kv.key, mapper.apply(kv.key, kv.value)), ts));
  }

  @Override
  public <KR, VR> KStream<KR, VR> flatMap(
      KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper) {
    return flatMap(mapper, null);
  }

  @Override
  public <KR, VR> KStream<KR, VR> flatMap(
      KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper,
      Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return stateless("KSTREAM-FLATMAP-", named, (kv, ts, out) -> {
      Iterable<? extends KeyValue<? extends KR, ? extends VR>> results = mapper.apply(kv.key, kv.value);
      if (results != null) {
        for (KeyValue<? extends KR, ? extends VR> r : results) {
          out.collect(new KeyValue<>(r.key, r.value), ts);
        }
      }
    });
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper) {
    return flatMapValues(mapper, (Named) null);
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VR>> mapper,
      Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return flatMapValues((k, v) -> mapper.apply(v), named);
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper) {
    return flatMapValues(mapper, null);
  }

  @Override
  public <VR> KStream<K, VR> flatMapValues(
      ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper, Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return stateless("KSTREAM-FLATMAPVALUES-", named, (kv, ts, out) -> {
      Iterable<? extends VR> results = mapper.apply(kv.key, kv.value);
      if (results != null) {
        for (VR r : results) {
          out.collect(new KeyValue<>(kv.key, r), ts);
        }
      }
    });
  }

  @Override
  public KStream<K, V> peek(ForeachAction<? super K, ? super V> action) {
    return peek(action, null);
  }

  @Override
  public KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named) {
    Objects.requireNonNull(action, "action");
    return stateless("KSTREAM-PEEK-", named, (kv, ts, out) -> {
      action.apply(kv.key, kv.value);
      out.collect(kv, ts);
    });
  }

  @Override
  public void foreach(ForeachAction<? super K, ? super V> action) {
    foreach(action, null);
  }

  @Override
  public void foreach(ForeachAction<? super K, ? super V> action, Named named) {
    Objects.requireNonNull(action, "action");
    String name = builder.name(given(named), "KSTREAM-FOREACH-");
    builder.addTerminal(c -> {
      c.get(node).sinkTo(new ForeachSink<>(action)).name(name).uid(name);
      return null;
    });
  }

  @Override
  public KStream<K, V> merge(KStream<K, V> stream) {
    return merge(stream, null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public KStream<K, V> merge(KStream<K, V> stream, Named named) {
    KStreamImpl<K, V> other = (KStreamImpl<K, V>) Objects.requireNonNull(stream, "stream");
    builder.name(given(named), "KSTREAM-MERGE-");
    return new KStreamImpl<>(builder, c -> c.get(node).union(c.get(other.node)));
  }

  @Override
  public BranchedKStream<K, V> split() {
    return split(null);
  }

  @Override
  public BranchedKStream<K, V> split(Named named) {
    String prefix = builder.name(given(named), "KSTREAM-BRANCH-");
    return new BranchedKStreamImpl<>(this, prefix);
  }

  @Override
  public void to(String topic) {
    to(topic, null);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void to(String topic, Produced<K, V> produced) {
    Objects.requireNonNull(topic, "topic");
    String name = builder.name(produced == null ? null : produced.name(), "KSTREAM-SINK-");
    Serde<K> keySerde = produced == null ? null : produced.keySerde();
    Serde<V> valueSerde = produced == null ? null : produced.valueSerde();
    builder.addSinkTopic(topic);
    builder.addTerminal(c -> {
      Serde<Object> ks = c.keySerde(keySerde, topic);
      Serde<Object> vs = c.valueSerde(valueSerde, topic);
      c.io().sink(c, (DataStream) c.get(node), topic, ks.serializer(), vs.serializer(), name);
      return null;
    });
  }

  @Override
  public KTable<K, V> toTable() {
    return toTable(null, null);
  }

  @Override
  public KTable<K, V> toTable(Named named) {
    return toTable(named, null);
  }

  @Override
  public KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return toTable(null, materialized);
  }

  @Override
  public KTable<K, V> toTable(Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    String name = builder.name(storeOr(materialized, named), "KSTREAM-TOTABLE-");
    Boolean caching = materialized == null ? null : materialized.caching();
    return new KTableImpl<>(builder, Tables.fromUpserts(node, name, caching));
  }

  static String storeOr(Materialized<?, ?, ?> materialized, Named named) {
    if (materialized != null && materialized.storeName() != null) {
      return materialized.storeName();
    }
    return given(named);
  }

  @Override
  public KGroupedStream<K, V> groupByKey() {
    return groupByKey(null);
  }

  @Override
  public KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped) {
    return new KGroupedStreamImpl<>(builder, node);
  }

  @Override
  public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector) {
    return groupBy(keySelector, null);
  }

  @Override
  public <KR> KGroupedStream<KR, V> groupBy(KeyValueMapper<? super K, ? super V, KR> keySelector, Grouped<KR, V> grouped) {
    Objects.requireNonNull(keySelector, "keySelector");
    KStreamImpl<KR, V> keyed = (KStreamImpl<KR, V>) selectKey(keySelector,
        grouped == null || grouped.name() == null ? null : Named.as(grouped.name()));
    return new KGroupedStreamImpl<>(builder, keyed.node);
  }

  // ------------------------------------------------------------------ joins

  @Override
  public <VO, VR> KStream<K, VR> join(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      dev.sluice.streams.kstream.JoinWindows windows) {
    return streamJoin(otherStream, joiner, windows, null, StreamStreamJoinOperator.Kind.INNER);
  }

  @Override
  public <VO, VR> KStream<K, VR> join(KStream<K, VO> otherStream, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      dev.sluice.streams.kstream.JoinWindows windows, dev.sluice.streams.kstream.StreamJoined<K, V, VO> streamJoined) {
    return streamJoin(otherStream, joiner, windows, streamJoined, StreamStreamJoinOperator.Kind.INNER);
  }

  @Override
  public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> otherStream,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, dev.sluice.streams.kstream.JoinWindows windows) {
    return streamJoin(otherStream, joiner, windows, null, StreamStreamJoinOperator.Kind.LEFT);
  }

  @Override
  public <VO, VR> KStream<K, VR> leftJoin(KStream<K, VO> otherStream,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, dev.sluice.streams.kstream.JoinWindows windows,
      dev.sluice.streams.kstream.StreamJoined<K, V, VO> streamJoined) {
    return streamJoin(otherStream, joiner, windows, streamJoined, StreamStreamJoinOperator.Kind.LEFT);
  }

  @Override
  public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> otherStream,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, dev.sluice.streams.kstream.JoinWindows windows) {
    return streamJoin(otherStream, joiner, windows, null, StreamStreamJoinOperator.Kind.OUTER);
  }

  @Override
  public <VO, VR> KStream<K, VR> outerJoin(KStream<K, VO> otherStream,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, dev.sluice.streams.kstream.JoinWindows windows,
      dev.sluice.streams.kstream.StreamJoined<K, V, VO> streamJoined) {
    return streamJoin(otherStream, joiner, windows, streamJoined, StreamStreamJoinOperator.Kind.OUTER);
  }

  private <VO, VR> KStream<K, VR> streamJoin(KStream<K, VO> otherStream,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, dev.sluice.streams.kstream.JoinWindows windows,
      dev.sluice.streams.kstream.StreamJoined<K, V, VO> streamJoined, StreamStreamJoinOperator.Kind kind) {
    Objects.requireNonNull(joiner, "joiner");
    Objects.requireNonNull(windows, "windows");
    KStreamImpl<K, VO> other = (KStreamImpl<K, VO>) Objects.requireNonNull(otherStream, "otherStream");
    String name = builder.name(streamJoined == null ? null : streamJoined.name(),
        kind == StreamStreamJoinOperator.Kind.INNER ? "KSTREAM-JOIN-" : kind == StreamStreamJoinOperator.Kind.LEFT
            ? "KSTREAM-LEFTJOIN-" : "KSTREAM-OUTERJOIN-");
    return new KStreamImpl<>(builder, c -> {
      DataStream<KeyValue<K, V>> l = c.get(node).transform(name + "-left-drop-null-keys", Compilation.anyType(),
          () -> new DroppingFilter<KeyValue<K, V>>(kv -> kv.key != null && kv.value != null, "a null key or value"));
      DataStream<KeyValue<K, VO>> r = c.get(other.node).transform(name + "-right-drop-null-keys", Compilation.anyType(),
          () -> new DroppingFilter<KeyValue<K, VO>>(kv -> kv.key != null && kv.value != null, "a null key or value"));
      return l.connect(r)
          .keyBy(new KeySelectors.OfKeyValue<K, V>(), new KeySelectors.OfKeyValue<K, VO>())
          .transform(name, Compilation.<KeyValue<K, VR>>anyType(),
              () -> new StreamStreamJoinOperator<K, V, VO, VR>(kind, windows, joiner))
          .uid(name);
    });
  }

  @Override
  public <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
    return tableJoin(table, joiner, null, false);
  }

  @Override
  public <VT, VR> KStream<K, VR> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined) {
    return tableJoin(table, joiner, joined, false);
  }

  @Override
  public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner) {
    return tableJoin(table, joiner, null, true);
  }

  @Override
  public <VT, VR> KStream<K, VR> leftJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined) {
    return tableJoin(table, joiner, joined, true);
  }

  private <VT, VR> KStream<K, VR> tableJoin(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VR> joiner,
      Joined<K, V, VT> joined, boolean left) {
    Objects.requireNonNull(joiner, "joiner");
    KTableImpl<K, VT> t = (KTableImpl<K, VT>) Objects.requireNonNull(table, "table");
    String name = builder.name(joined == null ? null : joined.name(), left ? "KSTREAM-LEFTJOIN-" : "KSTREAM-JOIN-");
    return new KStreamImpl<>(builder, c -> {
      DataStream<KeyValue<K, V>> stream = c.get(node).transform(name + "-drop-null-keys", Compilation.anyType(),
          () -> new DroppingFilter<KeyValue<K, V>>(kv -> kv.key != null, "a null key"));
      return stream.connect(c.get(t.node))
          .keyBy(new KeySelectors.OfKeyValue<K, V>(), new KeySelectors.OfChange<K, VT>())
          .transform(name, Compilation.<KeyValue<K, VR>>anyType(),
              () -> new StreamTableJoinOperator<K, V, VT, VR>(left, joiner))
          .uid(name);
    });
  }

  @Override
  public <GK, GV, RV> KStream<K, RV> join(GlobalKTable<GK, GV> globalTable,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector, ValueJoiner<? super V, ? super GV, ? extends RV> joiner) {
    return globalJoin(globalTable, keySelector, joiner, false);
  }

  @Override
  public <GK, GV, RV> KStream<K, RV> leftJoin(GlobalKTable<GK, GV> globalTable,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector, ValueJoiner<? super V, ? super GV, ? extends RV> joiner) {
    return globalJoin(globalTable, keySelector, joiner, true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <GK, GV, RV> KStream<K, RV> globalJoin(GlobalKTable<GK, GV> globalTable,
      KeyValueMapper<? super K, ? super V, ? extends GK> keySelector, ValueJoiner<? super V, ? super GV, ? extends RV> joiner,
      boolean left) {
    Objects.requireNonNull(keySelector, "keySelector");
    Objects.requireNonNull(joiner, "joiner");
    GlobalKTableImpl<GK, GV> g = (GlobalKTableImpl<GK, GV>) Objects.requireNonNull(globalTable, "globalTable");
    String name = builder.newName(left ? "KSTREAM-LEFTJOIN-GLOBAL-" : "KSTREAM-JOIN-GLOBAL-");
    return new KStreamImpl<>(builder, c -> {
      MapStateDescriptor<Object, Object> descriptor = GlobalJoinFunction.descriptor(g.name);
      DataStream<KeyValue<Object, Object>> stream = (DataStream) c.get(node);
      DataStream<KeyValue<Object, Object>> tableRecords = (DataStream) c.get(g.node);
      return (DataStream) stream.connect(tableRecords.broadcast(descriptor))
          .process(new GlobalJoinFunction(descriptor, (KeyValueMapper) keySelector, (ValueJoiner) joiner, left))
          .name(name).uid(name);
    });
  }

  @Override
  public <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> processorSupplier) {
    return process(processorSupplier, null);
  }

  @Override
  public <KOut, VOut> KStream<KOut, VOut> process(ProcessorSupplier<? super K, ? super V, KOut, VOut> processorSupplier,
      Named named) {
    Objects.requireNonNull(processorSupplier, "processorSupplier");
    String name = builder.name(given(named), "KSTREAM-PROCESSOR-");
    return new KStreamImpl<>(builder, c -> {
      String applicationId = c.config().applicationId();
      return c.get(node).transform(name, Compilation.<KeyValue<KOut, VOut>>anyType(),
          () -> new ProcessorOperator<K, V, KOut, VOut>(processorSupplier, applicationId)).uid(name);
    });
  }
}
