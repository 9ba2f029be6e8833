package dev.sluice.streams.internals;

import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.EmitStrategy;
import dev.sluice.streams.kstream.Initializer;
import dev.sluice.streams.kstream.KTable;
import dev.sluice.streams.kstream.Materialized;
import dev.sluice.streams.kstream.Merger;
import dev.sluice.streams.kstream.Reducer;
import dev.sluice.streams.kstream.SessionWindowedKStream;
import dev.sluice.streams.kstream.SessionWindows;
import dev.sluice.streams.kstream.TimeWindowedKStream;
import dev.sluice.streams.kstream.TimeWindows;
import dev.sluice.streams.kstream.Windowed;
import dev.sluice.streams.state.SessionStore;
import dev.sluice.streams.state.WindowStore;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;

/** The windowed grouped streams: time windows and sessions. */
final class WindowedStreams {
  private WindowedStreams() {}

  /** How a windowed aggregation's operator is made, given whether it emits on window close. */
  @FunctionalInterface
  interface OperatorFactory<K, V, A> {
    TableOperator<Windowed<K>, A> create(TableSettings settings, boolean emitOnClose);
  }

  /**
   * The table of a windowed aggregation: emitting per update, or on window close (the emit
   * strategy); {@code suppress(untilWindowCloses)} on it switches to emitting on close.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K, V, A> KTable<Windowed<K>, A> table(InternalBuilder builder, Node<KeyValue<K, V>> input, String name,
      Materialized<K, A, ?> materialized, boolean emitOnClose, OperatorFactory<K, V, A> factory) {
    Boolean caching = materialized == null ? null : materialized.caching();
    java.util.function.BiFunction<Boolean, String, Node<Change<Windowed<K>, A>>> build = (onClose, opName) -> c -> {
      TableSettings settings = c.tableSettings(caching);
      return c.get(input)
          .transform(opName + "-drop-nulls", Compilation.<KeyValue<K, V>>anyType(),
              () -> new DroppingFilter<KeyValue<K, V>>(kv -> kv.key != null && kv.value != null, "a null key or value"))
          .keyBy(new KeySelectors.OfKeyValue<K, V>())
          .transformKeyed(opName, Compilation.<Change<Windowed<K>, A>>anyType(),
              () -> (dev.sluice.runtime.operators.StreamOperator) factory.create(settings, onClose))
          .uid(opName);
    };
    Node<Change<Windowed<K>, A>> suppressed = emitOnClose ? null : build.apply(true, name + "-suppressed");
    return new KTableImpl<>(builder, build.apply(emitOnClose, name), emitOnClose ? null : suppressed);
  }

  static String name(InternalBuilder builder, Materialized<?, ?, ?> materialized, String prefix) {
    return builder.name(materialized == null ? null : materialized.storeName(), prefix);
  }

  static final class TimeWindowed<K, V> implements TimeWindowedKStream<K, V> {
    private final InternalBuilder builder;
    private final Node<KeyValue<K, V>> input;
    /** {@link TimeWindows} or {@link dev.sluice.streams.kstream.SlidingWindows}. */
    private final Object windows;
    private final boolean emitOnClose;

    TimeWindowed(InternalBuilder builder, Node<KeyValue<K, V>> input, Object windows, boolean emitOnClose) {
      this.builder = builder;
      this.input = input;
      this.windows = Objects.requireNonNull(windows, "windows");
      this.emitOnClose = emitOnClose;
    }

    private <A> KTable<Windowed<K>, A> doAggregate(Initializer<A> init, Aggregator<? super K, ? super V, A> agg,
        Materialized<K, A, ?> materialized) {
      if (windows instanceof dev.sluice.streams.kstream.SlidingWindows sliding) {
        String name = name(builder, materialized, "KSTREAM-SLIDING-AGGREGATE-");
        return table(builder, input, name, materialized, emitOnClose,
            (settings, onClose) -> new SlidingWindowAggregateOperator<>(settings, sliding, init, agg, onClose));
      }
      TimeWindows time = (TimeWindows) windows;
      String name = name(builder, materialized, "KSTREAM-WINDOWED-AGGREGATE-");
      return table(builder, input, name, materialized, emitOnClose,
          (settings, onClose) -> new WindowAggregateOperator<>(settings, time, init, agg, onClose));
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
      return count(null);
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized) {
      return doAggregate(() -> 0L, (k, v, n) -> n + 1, materialized);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
      return reduce(reducer, null);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, WindowStore<Bytes, byte[]>> materialized) {
      Objects.requireNonNull(reducer, "reducer");
      return doAggregate(null, (k, v, a) -> a == null ? v : reducer.apply(a, v), materialized);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
        Aggregator<? super K, ? super V, VR> aggregator) {
      return aggregate(initializer, aggregator, null);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
        Aggregator<? super K, ? super V, VR> aggregator, Materialized<K, VR, WindowStore<Bytes, byte[]>> materialized) {
      Objects.requireNonNull(initializer, "initializer");
      Objects.requireNonNull(aggregator, "aggregator");
      return doAggregate(initializer, aggregator, materialized);
    }

    @Override
    public TimeWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy) {
      return new TimeWindowed<>(builder, input, windows,
          emitStrategy.type() == EmitStrategy.StrategyType.ON_WINDOW_CLOSE);
    }
  }

  static final class SessionWindowed<K, V> implements SessionWindowedKStream<K, V> {
    private final InternalBuilder builder;
    private final Node<KeyValue<K, V>> input;
    private final SessionWindows windows;
    private final boolean emitOnClose;

    SessionWindowed(InternalBuilder builder, Node<KeyValue<K, V>> input, SessionWindows windows, boolean emitOnClose) {
      this.builder = builder;
      this.input = input;
      this.windows = Objects.requireNonNull(windows, "windows");
      this.emitOnClose = emitOnClose;
    }

    private <A> KTable<Windowed<K>, A> doAggregate(Initializer<A> init, Aggregator<? super K, ? super V, A> agg,
        Merger<? super K, A> merger, Materialized<K, A, ?> materialized) {
      String name = name(builder, materialized, "KSTREAM-SESSION-AGGREGATE-");
      return table(builder, input, name, materialized, emitOnClose,
          (settings, onClose) -> new SessionAggregateOperator<>(settings, windows, init, agg, merger, onClose));
    }

    @Override
    public KTable<Windowed<K>, Long> count() {
      return count(null);
    }

    @Override
    public KTable<Windowed<K>, Long> count(Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized) {
      return doAggregate(() -> 0L, (k, v, n) -> n + 1, (k, a, b) -> a + b, materialized);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
      return reduce(reducer, null);
    }

    @Override
    public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, SessionStore<Bytes, byte[]>> materialized) {
      Objects.requireNonNull(reducer, "reducer");
      return doAggregate(null, (k, v, a) -> a == null ? v : reducer.apply(a, v), (k, a, b) -> reducer.apply(a, b),
          materialized);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
        Aggregator<? super K, ? super V, VR> aggregator, Merger<? super K, VR> sessionMerger) {
      return aggregate(initializer, aggregator, sessionMerger, null);
    }

    @Override
    public <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer,
        Aggregator<? super K, ? super V, VR> aggregator, Merger<? super K, VR> sessionMerger,
        Materialized<K, VR, SessionStore<Bytes, byte[]>> materialized) {
      Objects.requireNonNull(initializer, "initializer");
      Objects.requireNonNull(aggregator, "aggregator");
      Objects.requireNonNull(sessionMerger, "sessionMerger");
      return doAggregate(initializer, aggregator, sessionMerger, materialized);
    }

    @Override
    public SessionWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy) {
      return new SessionWindowed<>(builder, input, windows,
          emitStrategy.type() == EmitStrategy.StrategyType.ON_WINDOW_CLOSE);
    }
  }
}
