package dev.sluice.streams.kstream;

import dev.sluice.streams.state.SessionStore;
import org.apache.kafka.common.utils.Bytes;

/**
 * A grouped stream in session windows. A session that a record merges into another is deleted
 * from the result (a record with a null value for its old window) before the merged session's
 * value is emitted.
 */
public interface SessionWindowedKStream<K, V> {
  KTable<Windowed<K>, Long> count();

  KTable<Windowed<K>, Long> count(Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized);

  KTable<Windowed<K>, V> reduce(Reducer<V> reducer);

  KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Materialized<K, V, SessionStore<Bytes, byte[]>> materialized);

  <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
      Merger<? super K, VR> sessionMerger);

  <VR> KTable<Windowed<K>, VR> aggregate(Initializer<VR> initializer, Aggregator<? super K, ? super V, VR> aggregator,
      Merger<? super K, VR> sessionMerger, Materialized<K, VR, SessionStore<Bytes, byte[]>> materialized);

  SessionWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy);
}
