package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapState;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.Initializer;
import dev.sluice.streams.kstream.Merger;
import dev.sluice.streams.kstream.SessionWindows;
import dev.sluice.streams.kstream.Windowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Session-windowed aggregation. A record at {@code t} joins every session of its key that ends at
 * or after {@code t - gap} and starts at or before {@code t + gap}; they merge (initializer, then
 * the merger over the sessions in start order, then the aggregator with the record) into one
 * session. Stream time is the task's {@link StreamTime}; a record whose merged session
 * ends before {@code stream time - grace} is late: dropped and counted in {@code
 * numLateRecordsDropped}. A session closes by a stream-time timer at {@code end + grace + 1}.
 */
final class SessionAggregateOperator<K, V, A> extends TableOperator<Windowed<K>, A>
    implements OneInputStreamOperator<KeyValue<K, V>, Change<Windowed<K>, A>>, Triggerable<Long> {
  private final SessionWindows windows;
  private final Initializer<A> initializer;
  private final Aggregator<? super K, ? super V, A> aggregator;
  private final Merger<? super K, A> merger;
  private final boolean emitOnClose;
  private MapState<Long, Long> ends;
  private MapState<Long, A> aggregates;
  private InternalTimerService<Long> timers;
  private final StreamTime streamTime = new StreamTime();

  SessionAggregateOperator(TableSettings settings, SessionWindows windows, Initializer<A> initializer,
      Aggregator<? super K, ? super V, A> aggregator, Merger<? super K, A> merger, boolean emitOnClose) {
    super(settings);
    this.windows = windows;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.merger = merger;
    this.emitOnClose = emitOnClose;
  }

  @Override
  public void open() throws Exception {
    super.open();
    ends = Windows.mapState(context.keyedState(), "session-ends");
    aggregates = Windows.mapState(context.keyedState(), "session-aggregates");
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
  public void processElement(KeyValue<K, V> record, long timestamp) throws Exception {
    streamTime.advance(timestamp);
    long gap = windows.inactivityGap();
    long grace = windows.gracePeriodMs();
    long start = timestamp;
    long end = timestamp;
    List<long[]> merged = new ArrayList<>();
    for (Map.Entry<Long, Long> s : ends.entries()) {
      if (s.getKey() <= timestamp + gap && s.getValue() >= timestamp - gap) {
        merged.add(new long[] {s.getKey(), s.getValue()});
        start = Math.min(start, s.getKey());
        end = Math.max(end, s.getValue());
      }
    }
    if (end + grace < streamTime.now()) {
      streamTime.dropLate(record, timestamp);
      timers.advanceWatermark(streamTime.now());
      return;
    }
    merged.sort((a, b) -> Long.compare(a[0], b[0]));
    A agg = initializer == null ? null : initializer.apply();
    for (long[] s : merged) {
      A a = aggregates.get(s[0]);
      agg = agg == null ? a : merger.apply(record.key, agg, a);
      timers.deleteEventTimeTimer(s[0], s[1] + grace + 1);
      ends.remove(s[0]);
      aggregates.remove(s[0]);
      if (!emitOnClose) {
        forwarder.forward(new Windowed<>(record.key, new Windows.SessionWindow(s[0], s[1])), null, a, timestamp);
      }
    }
    agg = aggregator.apply(record.key, record.value, agg);
    ends.put(start, end);
    aggregates.put(start, agg);
    timers.registerEventTimeTimer(start, end + grace + 1);
    if (!emitOnClose) {
      forwarder.forward(new Windowed<>(record.key, new Windows.SessionWindow(start, end)), agg, null, timestamp);
    }
    timers.advanceWatermark(streamTime.now());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(InternalTimer<Long> timer) throws Exception {
    long start = timer.namespace();
    Long end = ends.get(start);
    if (end == null || end + windows.gracePeriodMs() + 1 != timer.timestamp()) {
      return;
    }
    A value = aggregates.get(start);
    ends.remove(start);
    aggregates.remove(start);
    if (emitOnClose) {
      forwarder.forward(new Windowed<>((K) timer.key(), new Windows.SessionWindow(start, end)), value, null, end);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<Long> timer) {}
}
