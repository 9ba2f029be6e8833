package dev.sluice.streams.internals;

import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.Initializer;
import dev.sluice.streams.kstream.KGroupedTable;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.Materialized;
import dev.sluice.streams.kstream.Named;
import dev.sluice.streams.kstream.Reducer;
import dev.sluice.streams.state.KeyValueStore;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;

/** A re-grouped table: a stream of deltas (subtract an old value, add a new one) aggregated per new key. */
final class KGroupedTableImpl<K, V> implements KGroupedTable<K, V> {
  private final InternalBuilder builder;
  private final Node<Delta<K, V>> deltas;

  KGroupedTableImpl(InternalBuilder builder, Node<Delta<K, V>> deltas) {
    this.builder = builder;
    this.deltas = deltas;
  }

  private <A> KTable<K, A> doAggregate(Initializer<A> initializer, Aggregator<? super K, ? super V, A> adder,
      Aggregator<? super K, ? super V, A> subtractor, Named named, Materialized<K, A, ?> materialized) {
    String name = builder.name(KStreamImpl.storeOr(materialized, named), "KTABLE-AGGREGATE-");
    Boolean caching = materialized == null ? null : materialized.caching();
    return new KTableImpl<>(builder, c -> {
      TableSettings settings = c.tableSettings(caching);
      return c.get(deltas)
          .transform(name + "-drop-nulls", Compilation.<Delta<K, V>>anyType(),
              () -> new DroppingFilter<Delta<K, V>>(d -> d.key() != null && d.value() != null, "a null key or value"))
          .keyBy(new KeySelectors.OfDelta<K, V>())
          .transformKeyed(name, Compilation.<Change<K, A>>anyType(),
              () -> new TableAggregateOperator<K, V, A>(settings, initializer, adder, subtractor))
          .uid(name);
    });
  }

  @Override
  public KTable<K, Long> count() {
    return count((Materialized<K, Long, KeyValueStore<Bytes, byte[]>>) null);
  }

  @Override
  public KTable<K, Long> count(Named named) {
    return doAggregate(() -> 0L, (k, v, n) -> n + 1, (k, v, n) -> n - 1, named, null);
  }

  @Override
  public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
    return doAggregate(() -> 0L, (k, v, n) -> n + 1, (k, v, n) -> n - 1, null, materialized);
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor) {
    return reduce(adder, subtractor, null);
  }

  @Override
  public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(adder, "adder");
    Objects.requireNonNull(subtractor, "subtractor");
    return doAggregate(null, (k, v, agg) -> agg == null ? v : adder.apply(agg, v),
        (k, v, agg) -> agg == null ? null : subtractor.apply(agg, v), null, materialized);
  }

  @Override
  public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
      Aggregator<? super K, ? super V, VR> subtractor) {
    return aggregate(initializer, adder, subtractor, null);
  }

  @Override
  public <VR> KTable<K, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> adder,
      Aggregator<? super K, ? super V, VR> subtractor, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(initializer, "initializer");
    Objects.requireNonNull(adder, "adder");
    Objects.requireNonNull(subtractor, "subtractor");
    return doAggregate(initializer, adder, subtractor, null, materialized);
  }
}
