package dev.sluice.streams.internals;

import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Grouped;
import dev.sluice.streams.kstream.KGroupedTable;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.KeyValueMapper;
import dev.sluice.streams.kstream.Materialized;
import dev.sluice.streams.kstream.Named;
import dev.sluice.streams.kstream.Predicate;
import dev.sluice.streams.kstream.ValueJoiner;
import dev.sluice.streams.kstream.ValueMapper;
import dev.sluice.streams.kstream.ValueMapperWithKey;
import dev.sluice.streams.state.KeyValueStore;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;

/** A {@link KTable}: a node whose stream carries {@link Change}s (new and old value per update). */
public final class KTableImpl<K, V> implements KTable<K, V> {
  final InternalBuilder builder;
  final Node<Change<K, V>> node;
  /** For the table of a windowed aggregation: the same aggregation emitting on window close (else null). */
  private final Node<Change<K, V>> suppressed;

  public KTableImpl(InternalBuilder builder, Node<Change<K, V>> node) {
    this(builder, node, null);
  }

  KTableImpl(InternalBuilder builder, Node<Change<K, V>> node, Node<Change<K, V>> suppressed) {
    this.builder = builder;
    this.node = node;
    this.suppressed = suppressed;
  }

  @Override
  public KTable<K, V> suppress(dev.sluice.streams.kstream.Suppressed<? super K> suppress) {
    Objects.requireNonNull(suppress, "suppressed");
    if (suppressed == null) {
      throw new UnsupportedOperationException("suppress(untilWindowCloses) is supported on the table a windowed "
          + "aggregation returns (or it already emits on window close); other tables cannot be suppressed yet");
    }
    return new KTableImpl<>(builder, suppressed);
  }

  private static String given(Named named) {
    return named == null ? null : named.name();
  }

  private <KR, VR> Node<Change<KR, VR>> changes(String name, StatelessOperator.Fn<Change<K, V>, Change<KR, VR>> fn) {
    return c -> c.get(node).transform(name, Compilation.anyType(), () -> new StatelessOperator<>(fn));
  }

  @Override
  public KTable<K, V> filter(Predicate<? super K, ? super V> predicate) {
    return filter(predicate, (Named) null);
  }

  @Override
  public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
    Objects.requireNonNull(predicate, "predicate");
    return doFilter(predicate, builder.name(given(named), "KTABLE-FILTER-"));
  }

  @Override
  public KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
      Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(predicate, "predicate");
    return doFilter(predicate, builder.name(KStreamImpl.storeOr(materialized, null), "KTABLE-FILTER-"));
  }

  @Override
  public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
    return filterNot(predicate, null);
  }

  @Override
  public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
    Objects.requireNonNull(predicate, "predicate");
    return doFilter((k, v) -> !predicate.test(k, v), builder.name(given(named), "KTABLE-FILTER-"));
  }

  /**
   * A value that fails the predicate is absent from the result: an update whose new value fails
   * deletes the key (a tombstone) when its old value was present in the result, and is dropped
   * otherwise.
   */
  private KTable<K, V> doFilter(Predicate<? super K, ? super V> predicate, String name) {
    return new KTableImpl<>(builder, changes(name, (ch, ts, out) -> {
      V n = ch.newValue() != null && predicate.test(ch.key(), ch.newValue()) ? ch.newValue() : null;
      V o = ch.oldValue() != null && predicate.test(ch.key(), ch.oldValue()) ? ch.oldValue() : null;
      if (n != null || o != null) {
        out.collect(new Change<>(ch.key(), n, o), ts);
      }
    }));
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
    return mapValues(mapper, (Named) null);
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return doMapValues(mapper, builder.newName("KTABLE-MAPVALUES-"));
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
    Objects.requireNonNull(mapper, "mapper");
    return doMapValues((k, v) -> mapper.apply(v), builder.name(given(named), "KTABLE-MAPVALUES-"));
  }

  @Override
  public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(mapper, "mapper");
    return doMapValues((k, v) -> mapper.apply(v), builder.name(KStreamImpl.storeOr(materialized, null), "KTABLE-MAPVALUES-"));
  }

  private <VR> KTable<K, VR> doMapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, String name) {
    return new KTableImpl<>(builder, this.<K, VR>changes(name, (ch, ts, out) -> {
      VR n = ch.newValue() == null ? null : mapper.apply(ch.key(), ch.newValue());
      VR o = ch.oldValue() == null ? null : mapper.apply(ch.key(), ch.oldValue());
      if (n != null || o != null) {
        out.collect(new Change<>(ch.key(), n, o), ts);
      }
    }));
  }

  @Override
  public KStream<K, V> toStream() {
    return toStream(null);
  }

  @Override
  public KStream<K, V> toStream(Named named) {
    String name = builder.name(given(named), "KTABLE-TOSTREAM-");
    return new KStreamImpl<>(builder, c -> c.get(node).transform(name, Compilation.anyType(),
        () -> new StatelessOperator<Change<K, V>, KeyValue<K, V>>(
            (ch, ts, out) -> out.collect(new KeyValue<>(ch.key(), ch.newValue()), ts))));
  }

  @Override
  public <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector) {
    return groupBy(selector, null);
  }

  @Override
  public <KR, VR> KGroupedTable<KR, VR> groupBy(KeyValueMapper<? super K, ? super V, KeyValue<KR, VR>> selector,
      Grouped<KR, VR> grouped) {
    Objects.requireNonNull(selector, "selector");
    String name = builder.name(grouped == null ? null : grouped.name(), "KTABLE-SELECT-");
    Node<Delta<KR, VR>> deltas = c -> c.get(node).transform(name, Compilation.anyType(),
        () -> new StatelessOperator<Change<K, V>, Delta<KR, VR>>((ch, ts, out) -> {
          if (ch.oldValue() != null) {
            KeyValue<KR, VR> old = selector.apply(ch.key(), ch.oldValue());
            out.collect(new Delta<>(old.key, old.value, false), ts);
          }
          if (ch.newValue() != null) {
            KeyValue<KR, VR> added = selector.apply(ch.key(), ch.newValue());
            out.collect(new Delta<>(added.key, added.value, true), ts);
          }
        }));
    return new KGroupedTableImpl<>(builder, deltas);
  }

  @Override
  public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return doJoin(other, joiner, TableTableJoinOperator.Kind.INNER, null);
  }

  @Override
  public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return doJoin(other, joiner, TableTableJoinOperator.Kind.INNER, materialized);
  }

  @Override
  public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return doJoin(other, joiner, TableTableJoinOperator.Kind.LEFT, null);
  }

  @Override
  public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
    return doJoin(other, joiner, TableTableJoinOperator.Kind.LEFT, materialized);
  }

  @Override
  public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
    return doJoin(other, joiner, TableTableJoinOperator.Kind.OUTER, null);
  }

  private <VO, VR> KTable<K, VR> doJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
      TableTableJoinOperator.Kind kind, Materialized<K, VR, ?> materialized) {
    Objects.requireNonNull(joiner, "joiner");
    KTableImpl<K, VO> o = (KTableImpl<K, VO>) Objects.requireNonNull(other, "other");
    String name = builder.name(KStreamImpl.storeOr(materialized, null), "KTABLE-JOIN-");
    Boolean caching = materialized == null ? null : materialized.caching();
    return new KTableImpl<>(builder, c -> {
      TableSettings settings = c.tableSettings(caching);
      return c.get(node).connect(c.get(o.node))
          .keyBy(new KeySelectors.OfChange<K, V>(), new KeySelectors.OfChange<K, VO>())
          .transform(name, Compilation.<Change<K, VR>>anyType(),
              () -> new TableTableJoinOperator<K, V, VO, VR>(settings, kind, joiner))
          .uid(name);
    });
  }
}
