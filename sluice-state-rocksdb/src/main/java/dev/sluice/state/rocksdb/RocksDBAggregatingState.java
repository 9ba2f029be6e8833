package dev.sluice.state.rocksdb;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.state.AggregatingState;
import dev.sluice.api.common.typeutils.TypeSerializer;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/** An aggregating state in RocksDB: the accumulator per key and namespace. */
final class RocksDBAggregatingState<IN, ACC, OUT> extends RocksDBState implements AggregatingState<IN, OUT> {
  private final AggregateFunction<IN, ACC, OUT> function;

  RocksDBAggregatingState(RocksDBKeyedStateBackend backend, ColumnFamilyHandle cf,
      TypeSerializer<Object> serializer, AggregateFunction<IN, ACC, OUT> function) {
    super(backend, cf, serializer);
    this.function = function;
  }

  @Override
  @SuppressWarnings("unchecked")
  public OUT get() {
    ACC acc = (ACC) deserialize(getRaw());
    return acc == null ? null : function.getResult(acc);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(IN value) {
    ACC acc = (ACC) deserialize(getRaw());
    if (acc == null) {
      acc = function.createAccumulator();
    }
    putRaw(serialize(function.add(value, acc)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    mergeValues(target, sources, (a, b) -> function.merge((ACC) a, (ACC) b));
  }
}
