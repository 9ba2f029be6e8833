package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.Initializer;

/** {@code KGroupedStream.aggregate} (count and reduce are aggregations too): one aggregate per key. */
final class StreamAggregateOperator<K, V, A> extends TableOperator<K, A>
    implements OneInputStreamOperator<KeyValue<K, V>, Change<K, A>> {
  /** The aggregation: the first value of a key meets {@code null} as the aggregate when there is no initializer. */
  private final Initializer<A> initializer;
  private final Aggregator<? super K, ? super V, A> aggregator;
  private InternalValueState<A> aggregate;

  StreamAggregateOperator(TableSettings settings, Initializer<A> initializer,
      Aggregator<? super K, ? super V, A> aggregator) {
    super(settings);
    this.initializer = initializer;
    this.aggregator = aggregator;
  }

  @Override
  public void open() throws Exception {
    super.open();
    aggregate = state("aggregate");
  }

  @Override
  public void processElement(KeyValue<K, V> record, long timestamp) throws Exception {
    A old = aggregate.value();
    A start = old == null && initializer != null ? initializer.apply() : old;
    A updated = aggregator.apply(record.key, record.value, start);
    aggregate.update(updated);
    forwarder.forward(record.key, updated, old, timestamp);
  }
}
