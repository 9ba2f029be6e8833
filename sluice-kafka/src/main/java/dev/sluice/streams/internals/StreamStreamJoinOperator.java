package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapState;
import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.JoinWindows;
import dev.sluice.streams.kstream.ValueJoiner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * KStream-KStream windowed join (inner, left, outer). Both sides buffer their records per key and
 * timestamp in keyed state. A left record at {@code t} joins right records in {@code [t - before,
 * t + after]} (a right record at {@code t} left records in {@code [t - after, t + before]}); each
 * match is emitted at once with timestamp {@code max} of the two. Stream time is the largest
 * timestamp of either input at this task. A left record is late when {@code t + after + grace <
 * stream time} (a right one when {@code t + before + grace < stream time}): dropped, counted in
 * {@code numLateRecordsDropped}. When a record's window closes (its lateness bound is reached) a
 * left (outer: also right) record that joined nothing is emitted with null for the other side;
 * buffers are removed once no record that is not late can reach them ({@code before + after +
 * grace} after their time).
 */
final class StreamStreamJoinOperator<K, V1, V2, R> extends AbstractStreamOperator<KeyValue<K, R>>
    implements TwoInputStreamOperator<KeyValue<K, V1>, KeyValue<K, V2>, KeyValue<K, R>>, Triggerable<String> {
  enum Kind { INNER, LEFT, OUTER }

  private static final String LEFT_CLOSE = "left-close";
  private static final String LEFT_PURGE = "left-purge";
  private static final String RIGHT_CLOSE = "right-close";
  private static final String RIGHT_PURGE = "right-purge";

  private final Kind kind;
  private final long before;
  private final long after;
  private final long grace;
  private final ValueJoiner<? super V1, ? super V2, ? extends R> joiner;
  private MapState<Long, List<List<Object>>> left;
  private MapState<Long, List<List<Object>>> right;
  private InternalTimerService<String> timers;
  private OperatorMetrics.Counter late;
  private long streamTime = Long.MIN_VALUE;

  StreamStreamJoinOperator(Kind kind, JoinWindows windows, ValueJoiner<? super V1, ? super V2, ? extends R> joiner) {
    this.kind = kind;
    this.before = windows.beforeMs();
    this.after = windows.afterMs();
    this.grace = windows.gracePeriodMs();
    this.joiner = joiner;
  }

  @Override
  public void open() {
    left = Windows.mapState(context.keyedState(), "join-left");
    right = Windows.mapState(context.keyedState(), "join-right");
    timers = createTimerService(this);
    late = context.metrics().counter("numLateRecordsDropped");
  }

  @Override
  protected void initializeOperatorState(dev.sluice.runtime.checkpoint.OperatorRestore restore) {
    streamTime = StreamTimes.restore(restore, context.taskInfo().getIndexOfThisSubtask(),
        context.taskInfo().getNumberOfParallelSubtasks());
  }

  @Override
  protected void snapshotOperatorState(dev.sluice.runtime.checkpoint.SnapshotContext snapshot) {
    StreamTimes.snapshot(snapshot, context.taskInfo().getIndexOfThisSubtask(),
        context.taskInfo().getNumberOfParallelSubtasks(), streamTime);
  }

  @Override
  public void processWatermark(long watermark) {
    output.emitWatermark(watermark);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement1(KeyValue<K, V1> record, long ts) throws Exception {
    streamTime = Math.max(streamTime, ts);
    if (ts + after + grace < streamTime) {
      late.inc();
    } else {
      boolean matched = false;
      for (Map.Entry<Long, List<List<Object>>> e : snapshot(right)) {
        long t = e.getKey();
        if (t < ts - before || t > ts + after) {
          continue;
        }
        List<List<Object>> marked = new ArrayList<>();
        for (List<Object> b : e.getValue()) {
          output.collect(new KeyValue<>(record.key, joiner.apply(record.value, (V2) b.get(0))), Math.max(ts, t));
          marked.add(buffered(b.get(0), true));
        }
        matched |= !marked.isEmpty();
        right.put(t, marked);
      }
      add(left, ts, buffered(record.value, matched));
      timers.registerEventTimeTimer(LEFT_CLOSE, ts + after + grace);
      timers.registerEventTimeTimer(LEFT_PURGE, ts + after + before + grace);
    }
    timers.advanceWatermark(streamTime);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement2(KeyValue<K, V2> record, long ts) throws Exception {
    streamTime = Math.max(streamTime, ts);
    if (ts + before + grace < streamTime) {
      late.inc();
    } else {
      boolean matched = false;
      for (Map.Entry<Long, List<List<Object>>> e : snapshot(left)) {
        long t = e.getKey();
        if (t < ts - after || t > ts + before) {
          continue;
        }
        List<List<Object>> marked = new ArrayList<>();
        for (List<Object> b : e.getValue()) {
          output.collect(new KeyValue<>(record.key, joiner.apply((V1) b.get(0), record.value)), Math.max(ts, t));
          marked.add(buffered(b.get(0), true));
        }
        matched |= !marked.isEmpty();
        left.put(t, marked);
      }
      add(right, ts, buffered(record.value, matched));
      timers.registerEventTimeTimer(RIGHT_CLOSE, ts + before + grace);
      timers.registerEventTimeTimer(RIGHT_PURGE, ts + after + before + grace);
    }
    timers.advanceWatermark(streamTime);
  }

  /** A buffered record and whether it has joined anything yet (a list: state encodes it by its elements' classes). */
  private static List<Object> buffered(Object value, boolean matched) {
    return new ArrayList<>(Arrays.asList(value, matched));
  }

  private static List<Map.Entry<Long, List<List<Object>>>> snapshot(MapState<Long, List<List<Object>>> state) throws Exception {
    List<Map.Entry<Long, List<List<Object>>>> out = new ArrayList<>();
    for (Map.Entry<Long, List<List<Object>>> e : state.entries()) {
      out.add(Map.entry(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static void add(MapState<Long, List<List<Object>>> state, long ts, List<Object> b) throws Exception {
    List<List<Object>> list = state.get(ts);
    List<List<Object>> updated = list == null ? new ArrayList<>() : new ArrayList<>(list);
    updated.add(b);
    state.put(ts, updated);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(InternalTimer<String> timer) throws Exception {
    K key = (K) timer.key();
    switch (timer.namespace()) {
      case LEFT_CLOSE -> {
        long ts = timer.timestamp() - after - grace;
        List<List<Object>> list = left.get(ts);
        if (list != null && kind != Kind.INNER) {
          for (List<Object> b : list) {
            if (!(Boolean) b.get(1)) {
              output.collect(new KeyValue<>(key, joiner.apply((V1) b.get(0), null)), ts);
            }
          }
        }
      }
      case RIGHT_CLOSE -> {
        long ts = timer.timestamp() - before - grace;
        List<List<Object>> list = right.get(ts);
        if (list != null && kind == Kind.OUTER) {
          for (List<Object> b : list) {
            if (!(Boolean) b.get(1)) {
              output.collect(new KeyValue<>(key, joiner.apply(null, (V2) b.get(0))), ts);
            }
          }
        }
      }
      case LEFT_PURGE -> left.remove(timer.timestamp() - after - before - grace);
      case RIGHT_PURGE -> right.remove(timer.timestamp() - after - before - grace);
      default -> throw new IllegalStateException("unknown join timer " + timer.namespace());
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<String> timer) {}
}
