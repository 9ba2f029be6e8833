package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.Initializer;

/**
 * {@code KGroupedTable.aggregate}: a delta that removes a value runs the subtractor, one that adds
 * a value the adder. An aggregate that becomes null is deleted.
 */
final class TableAggregateOperator<K, V, A> extends TableOperator<K, A>
    implements OneInputStreamOperator<Delta<K, V>, Change<K, A>> {
  private final Initializer<A> initializer;
  private final Aggregator<? super K, ? super V, A> adder;
  private final Aggregator<? super K, ? super V, A> subtractor;
  private InternalValueState<A> aggregate;

  TableAggregateOperator(TableSettings settings, Initializer<A> initializer,
      Aggregator<? super K, ? super V, A> adder, Aggregator<? super K, ? super V, A> subtractor) {
    super(settings);
    this.initializer = initializer;
    this.adder = adder;
    this.subtractor = subtractor;
  }

  @Override
  public void open() throws Exception {
    super.open();
    aggregate = state("aggregate");
  }

  @Override
  public void processElement(Delta<K, V> delta, long timestamp) throws Exception {
    A old = aggregate.value();
    A start = old == null && initializer != null ? initializer.apply() : old;
    A updated = delta.adding() ? adder.apply(delta.key(), delta.value(), start)
        : subtractor.apply(delta.key(), delta.value(), start);
    if (updated == null) {
      aggregate.clear();
    } else {
      aggregate.update(updated);
    }
    forwarder.forward(delta.key(), updated, old, timestamp);
  }
}
