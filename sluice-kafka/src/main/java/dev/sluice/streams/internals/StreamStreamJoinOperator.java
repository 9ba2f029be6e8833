package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapState;
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
 * match is emitted at once with timestamp {@code max} of the two. Stream time ({@link StreamTime})
 * covers both inputs of this task. A left record is late when {@code t + after + grace <
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
  private final StreamTime streamTime = new StreamTime();

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
    streamTime.open(context);
  }

  @Override
  protected void initializeOperatorState(dev.sluice.runtime.checkpoint.OperatorRestore restore) {
    streamTime.restore(restore, context.taskInfo());
  }

  @Override
  protected void snapshotOperatorState(dev.sluice.runtime.checkpoint.SnapshotContext snapshot) {
    streamTime.snapshot(snapshot, context.taskInfo());
  }

  @Override
  public void processIdleStatus(boolean idle) throws Exception {
    // every source partition caught up: stream time is the largest timestamp seen
    timers.advanceWatermark(streamTime.onIdleStatus(idle));
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    // the input watermark holds stream time back while some source partitions have records to deliver
    timers.advanceWatermark(streamTime.onWatermark(watermark));
    output.emitWatermark(watermark);
  }

  @Override
  public void processElement1(KeyValue<K, V1> record, long ts) throws Exception {
    process(record, ts, true);
  }

  @Override
  public void processElement2(KeyValue<K, V2> record, long ts) throws Exception {
    process(record, ts, false);
  }

  /**
   * A record of the left ({@code fromLeft}) or right input: joined with the other side's buffered
   * records in its window ({@code behind} before it to {@code ahead} after it), then buffered
   * itself until its window closes.
   */
  @SuppressWarnings("unchecked")
  private void process(KeyValue<K, ?> record, long ts, boolean fromLeft) throws Exception {
    long ahead = fromLeft ? after : before;
    long behind = fromLeft ? before : after;
    MapState<Long, List<List<Object>>> mine = fromLeft ? left : right;
    MapState<Long, List<List<Object>>> other = fromLeft ? right : left;
    streamTime.advance(ts);
    if (ts + ahead + grace < streamTime.now()) {
      streamTime.dropLate(record, ts);
    } else {
      boolean matched = false;
      for (Map.Entry<Long, List<List<Object>>> e : snapshot(other)) {
        long t = e.getKey();
        if (t < ts - behind || t > ts + ahead) {
          continue;
        }
        List<List<Object>> marked = new ArrayList<>();
        for (List<Object> b : e.getValue()) {
          R joined = fromLeft ? joiner.apply((V1) record.value, (V2) b.get(0))
              : joiner.apply((V1) b.get(0), (V2) record.value);
          output.collect(new KeyValue<>(record.key, joined), Math.max(ts, t));
          marked.add(buffered(b.get(0), true));
        }
        matched |= !marked.isEmpty();
        other.put(t, marked);
      }
      add(mine, ts, buffered(record.value, matched));
      timers.registerEventTimeTimer(fromLeft ? LEFT_CLOSE : RIGHT_CLOSE, ts + ahead + grace);
      timers.registerEventTimeTimer(fromLeft ? LEFT_PURGE : RIGHT_PURGE, ts + after + before + grace);
    }
    timers.advanceWatermark(streamTime.now());
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
