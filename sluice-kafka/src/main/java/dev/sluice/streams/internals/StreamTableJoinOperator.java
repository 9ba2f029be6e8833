package dev.sluice.streams.internals;

import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.ValueJoiner;

/**
 * KStream-KTable join on the key: a table update only replaces the table's value for its key; a
 * stream record looks the value up and emits the joined record (left join: also without a match,
 * with a null table value) with the stream record's timestamp.
 */
final class StreamTableJoinOperator<K, V, VT, R> extends AbstractStreamOperator<KeyValue<K, R>>
    implements TwoInputStreamOperator<KeyValue<K, V>, Change<K, VT>, KeyValue<K, R>> {
  private final boolean leftJoin;
  private final ValueJoiner<? super V, ? super VT, ? extends R> joiner;
  private InternalValueState<VT> table;

  StreamTableJoinOperator(boolean leftJoin, ValueJoiner<? super V, ? super VT, ? extends R> joiner) {
    this.leftJoin = leftJoin;
    this.joiner = joiner;
  }

  @Override
  public void open() throws Exception {
    table = context.keyedState().valueState("table");
  }

  @Override
  public void processElement1(KeyValue<K, V> record, long timestamp) throws Exception {
    VT value = table.value();
    if (value == null && !leftJoin) {
      return;
    }
    output.collect(new KeyValue<>(record.key, joiner.apply(record.value, value)), timestamp);
  }

  @Override
  public void processElement2(Change<K, VT> change, long timestamp) throws Exception {
    if (change.newValue() == null) {
      table.clear();
    } else {
      table.update(change.newValue());
    }
  }
}
