package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import dev.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.KeyValueMapper;
import dev.sluice.streams.kstream.ValueJoiner;
import dev.sluice.util.Collector;

/**
 * KStream-GlobalKTable join: the global table's records (from all partitions of its topic) are
 * broadcast to every parallel task and kept in broadcast state (checkpointed); a stream record
 * looks up the table key its key selector gives.
 */
final class GlobalJoinFunction extends
    BroadcastProcessFunction<KeyValue<Object, Object>, KeyValue<Object, Object>, KeyValue<Object, Object>> {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings({"unchecked", "rawtypes"})
  static MapStateDescriptor<Object, Object> descriptor(String name) {
    return new MapStateDescriptor<>(name, (dev.sluice.api.common.typeutils.TypeSerializer) DynamicSerializer.INSTANCE,
        (dev.sluice.api.common.typeutils.TypeSerializer) DynamicSerializer.INSTANCE);
  }

  private final MapStateDescriptor<Object, Object> descriptor;
  private final KeyValueMapper<Object, Object, Object> keySelector;
  private final ValueJoiner<Object, Object, Object> joiner;
  private final boolean leftJoin;

  GlobalJoinFunction(MapStateDescriptor<Object, Object> descriptor, KeyValueMapper<Object, Object, Object> keySelector,
      ValueJoiner<Object, Object, Object> joiner, boolean leftJoin) {
    this.descriptor = descriptor;
    this.keySelector = keySelector;
    this.joiner = joiner;
    this.leftJoin = leftJoin;
  }

  @Override
  public void processElement(KeyValue<Object, Object> record, ReadOnlyContext ctx,
      Collector<KeyValue<Object, Object>> out) throws Exception {
    Object tableKey = keySelector.apply(record.key, record.value);
    Object value = tableKey == null ? null : ctx.getBroadcastState(descriptor).get(tableKey);
    if (value == null && !leftJoin) {
      return;
    }
    out.collect(new KeyValue<>(record.key, joiner.apply(record.value, value)));
  }

  @Override
  public void processBroadcastElement(KeyValue<Object, Object> record, Context ctx,
      Collector<KeyValue<Object, Object>> out) throws Exception {
    if (record.key == null) {
      return;
    }
    if (record.value == null) {
      ctx.getBroadcastState(descriptor).remove(record.key);
    } else {
      ctx.getBroadcastState(descriptor).put(record.key, record.value);
    }
  }
}
