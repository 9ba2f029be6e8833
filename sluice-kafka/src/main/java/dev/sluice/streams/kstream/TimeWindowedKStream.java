package dev.sluice.streams.kstream;

import dev.sluice.streams.state.WindowStore;
import org.apache.kafka.common.utils.Bytes;

/** A grouped stream in time windows; results are keyed by {@link Windowed} keys. */
public interface TimeWindowedKStream<K, V> {
  KTable<Windowed<K>, Long> count();

  KTable<Windowed<K>, Long> count(Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized);

  KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

  KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, WindowStore<Bytes, byte[]>> materialized);

  <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator);

  <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
      Materialized<K, VR, WindowStore<Bytes, byte[]>> materialized);

  TimeWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy);
}
