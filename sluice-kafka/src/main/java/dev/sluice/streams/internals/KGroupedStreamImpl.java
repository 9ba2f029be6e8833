package dev.sluice.streams.internals;

import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.Initializer;
import dev.sluice.streams.kstream.KGroupedStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.Materialized;
import dev.sluice.streams.kstream.Named;
import dev.sluice.streams.kstream.Reducer;
import dev.sluice.streams.state.KeyValueStore;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;

/**
 * A grouped stream: its aggregations redistribute the records by key inside the engine (a keyBy
 * exchange, where Kafka Streams writes a repartition topic) and keep one aggregate per key in
 * keyed state.
 */
final class KGroupedStreamImpl<K, V> implements KGroupedStream<K, V> {
  private final InternalBuilder builder;
  private final Node<KeyValue<K, V>> node;

  KGroupedStreamImpl(InternalBuilder builder, Node<KeyValue<K, V>> node) {
    this.builder = builder;
    this.node = node;
  }

  private <A> KTable<K, A> doAggregate(String prefix, Initializer<A> initializer,
      Aggregator<? super K, ? super V, A> aggregator, Named named, Materialized<K, A, ?> materialized) {
    String name = builder.name(KStreamImpl.storeOr(materialized, named), prefix);
    Boolean caching = materialized == null ? null : materialized.caching();
    return new KTableImpl<>(builder, c -> {
      TableSettings settings = c.tableSettings(caching);
      return c.get(node)
          .transform(name + "-drop-nulls", Compilation.<KeyValue<K, V>>anyType(),
              () -> new DroppingFilter<KeyValue<K, V>>(kv -> kv.key != null && kv.value != null, "a null key or value"))
          .keyBy(new KeySelectors.OfKeyValue<K, V>())
          .transformKeyed(name, Compilation.<Change<K, A>>anyType(),
              () -> new StreamAggregateOperator<K, V, A>(settings, initializer, aggregator))
          .uid(name);
    });
  }

  @Override
  public KTable<K, Long> count() {
    return count(null, null);
  }

  @Override
  public KTable<K, Long> count(Named named) {
    return count(named, null);
  }

  @Override
  public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
    return count(null, materialized);
  }

  @Override
  public KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
    return doAggregate("KSTREAM-AGGREGATE-", () -> 0L, (k, v, count) -> count + 1, named, materialized);
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> reducer) {
    return reduce(reducer, null, null);
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    return reduce(reducer, null, materialized);
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> reducer, Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(reducer, "reducer");
    return doAggregate("KSTREAM-REDUCE-", null, (k, v, agg) -> agg == null ? v : reducer.apply(agg, v), named,
        materialized);
  }

  @Override
  public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator) {
    return aggregate(initializer, aggregator, null, null);
  }

  @Override
  public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return aggregate(initializer, aggregator, null, materialized);
  }

  @Override
  public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
      Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(initializer, "initializer");
    Objects.requireNonNull(aggregator, "aggregator");
    return doAggregate("KSTREAM-AGGREGATE-", initializer, aggregator, named, materialized);
  }

  @Override
  public dev.sluice.streams.kstream.TimeWindowedKStream<K, V> windowedBy(dev.sluice.streams.kstream.TimeWindows windows) {
    return new WindowedStreams.TimeWindowed<>(builder, node, windows, false);
  }

  @Override
  public dev.sluice.streams.kstream.TimeWindowedKStream<K, V> windowedBy(dev.sluice.streams.kstream.SlidingWindows windows) {
    return new WindowedStreams.TimeWindowed<>(builder, node, windows, false);
  }

  @Override
  public dev.sluice.streams.kstream.SessionWindowedKStream<K, V> windowedBy(
      dev.sluice.streams.kstream.SessionWindows windows) {
    return new WindowedStreams.SessionWindowed<>(builder, node, windows, false);
  }
}
