package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapState;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.Initializer;
import dev.sluice.streams.kstream.SlidingWindows;
import dev.sluice.streams.kstream.Windowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sliding-window aggregation. The operator keeps, per key, the records that can still reach an
 * open window (by timestamp, in arrival order) and the value of each window it has emitted (by
 * window start; a window is {@code [start, start + d]}). A record at {@code t} — late, dropped and
 * counted when even the last window that could contain it ({@code [t, t + d]}) has closed, {@code t
 * + d + grace < stream time} — is added, and every open window that contains it, or that it brings
 * into existence, is recomputed from the records (initializer, then the aggregator in timestamp
 * order) and emitted. The windows of a set of records are {@code [x - d, x]} for each record time
 * {@code x} and {@code [x + 1, x + 1 + d]} for each {@code x} followed by a record within {@code d
 * + 1}. A window closes (stream-time timer) when stream time passes {@code end + grace}.
 */
final class SlidingWindowAggregateOperator<K, V, A> extends TableOperator<Windowed<K>, A>
    implements OneInputStreamOperator<KeyValue<K, V>, Change<Windowed<K>, A>> {
  private final long d;
  private final long grace;
  private final Initializer<A> initializer;
  private final Aggregator<? super K, ? super V, A> aggregator;
  private final boolean emitOnClose;
  private MapState<Long, List<Object>> records;
  private MapState<Long, A> windows;
  private InternalTimerService<Long> windowTimers;
  private InternalTimerService<Long> purgeTimers;
  private final StreamTime streamTime = new StreamTime();

  SlidingWindowAggregateOperator(TableSettings settings, SlidingWindows sliding, Initializer<A> initializer,
      Aggregator<? super K, ? super V, A> aggregator, boolean emitOnClose) {
    super(settings);
    this.d = sliding.timeDifferenceMs();
    this.grace = sliding.gracePeriodMs();
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.emitOnClose = emitOnClose;
  }

  @Override
  public void open() throws Exception {
    super.open();
    records = Windows.mapState(context.keyedState(), "sliding-records");
    windows = Windows.mapState(context.keyedState(), "sliding-windows");
    windowTimers = createTimerService(new Triggerable<>() {
      @Override
      public void onEventTime(InternalTimer<Long> timer) throws Exception {
        closeWindow(timer);
      }

      @Override
      public void onProcessingTime(InternalTimer<Long> timer) {}
    });
    purgeTimers = createTimerService(new Triggerable<>() {
      @Override
      public void onEventTime(InternalTimer<Long> timer) throws Exception {
        records.remove(timer.namespace());
      }

      @Override
      public void onProcessingTime(InternalTimer<Long> timer) {}
    });
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
    streamTime.onIdleStatus(idle);
    advance();
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    // the input watermark holds stream time back while some source partitions have records to deliver
    streamTime.onWatermark(watermark);
    advance();
    output.emitWatermark(watermark);
  }

  @Override
  public void processElement(KeyValue<K, V> record, long t) throws Exception {
    streamTime.advance(t);
    if (t + d + grace < streamTime.now()) {
      streamTime.dropLate(record, t);
      advance();
      return;
    }
    List<Object> atT = records.get(t);
    List<Object> updated = atT == null ? new ArrayList<>() : new ArrayList<>(atT);
    updated.add(record.value);
    records.put(t, updated);
    purgeTimers.registerEventTimeTimer(t, t + d + grace + 1);

    TreeMap<Long, List<Object>> all = new TreeMap<>();
    for (Map.Entry<Long, List<Object>> e : records.entries()) {
      all.put(e.getKey(), e.getValue());
    }
    Set<Long> containing = new LinkedHashSet<>();
    for (long x : all.subMap(t, true, t + d, true).keySet()) {
      containing.add(x - d);                                   // left windows of x contain t
    }
    for (long x : all.subMap(t - d - 1, true, t - 1, true).keySet()) {
      containing.add(x + 1);                                   // right windows of x contain t (t follows x)
    }
    for (long start : containing) {
      update(record.key, start, all, t, true);
    }
    if (!all.subMap(t, false, t + 1 + d, true).isEmpty()) {
      update(record.key, t + 1, all, t, false);                // t's own right window, if records follow t
    }
    advance();
  }

  private void update(K key, long start, TreeMap<Long, List<Object>> all, long t, boolean containsRecord)
      throws Exception {
    long end = start + d;
    if (end + grace < streamTime.now()) {
      return;                                                  // closed
    }
    A old = windows.get(start);
    if (!containsRecord && old != null) {
      return;                                                  // existed already, unchanged
    }
    A agg = initializer == null ? null : initializer.apply();
    for (List<Object> values : all.subMap(start, true, end, true).values()) {
      for (Object v : values) {
        @SuppressWarnings("unchecked")
        V value = (V) v;
        agg = aggregator.apply(key, value, agg);
      }
    }
    windows.put(start, agg);
    if (old == null) {
      windowTimers.registerEventTimeTimer(start, end + grace + 1);
    }
    if (!emitOnClose && !Objects.equals(agg, old)) {
      forwarder.forward(new Windowed<>(key, new Windows.TimeWindow(start, end)), agg, old, t);
    }
  }

  @SuppressWarnings("unchecked")
  private void closeWindow(InternalTimer<Long> timer) throws Exception {
    long start = timer.namespace();
    A value = windows.get(start);
    if (value == null) {
      return;
    }
    windows.remove(start);
    if (emitOnClose) {
      forwarder.forward(new Windowed<>((K) timer.key(), new Windows.TimeWindow(start, start + d)), value, null,
          start + d);
    }
  }

  private void advance() throws Exception {
    windowTimers.advanceWatermark(streamTime.now());
    purgeTimers.advanceWatermark(streamTime.now());
  }
}
