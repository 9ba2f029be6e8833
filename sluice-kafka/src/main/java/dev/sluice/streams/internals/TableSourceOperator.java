package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.streams.KeyValue;

/**
 * A table from a stream of upserts ({@code builder.table}, {@code KStream.toTable}): a record
 * replaces the value of its key, a null value deletes it (a delete of an absent key emits nothing).
 */
final class TableSourceOperator<K, V> extends TableOperator<K, V>
    implements OneInputStreamOperator<KeyValue<K, V>, Change<K, V>> {
  private InternalValueState<V> current;

  TableSourceOperator(TableSettings settings) {
    super(settings);
  }

  @Override
  public void open() throws Exception {
    super.open();
    current = state("value");
  }

  @Override
  public void processElement(KeyValue<K, V> record, long timestamp) throws Exception {
    V old = current.value();
    if (record.value == null) {
      if (old == null) {
        return;
      }
      current.clear();
    } else {
      current.update(record.value);
    }
    forwarder.forward(record.key, record.value, old, timestamp);
  }
}
