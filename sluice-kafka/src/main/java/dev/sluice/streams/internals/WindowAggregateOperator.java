package dev.sluice.streams.internals;

import dev.sluice.api.common.state.MapState;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.kstream.Aggregator;
import dev.sluice.streams.kstream.Initializer;
import dev.sluice.streams.kstream.TimeWindows;
import dev.sluice.streams.kstream.Windowed;

/**
 * Time-windowed aggregation (tumbling and hopping windows). Stream time ({@link StreamTime}) is the
 * largest record timestamp this task has seen, held back by its input watermark while source
 * partitions have records to deliver; a window is open while {@code end + grace > stream time}. A
 * record is aggregated into each open window containing it; a record that falls into a closed
 * window is dropped there and counted in {@code numLateRecordsDropped}. Each window's aggregate is
 * keyed state under the window start; a stream-time timer at {@code end + grace} closes the
 * window — emitting its final value when the emit strategy is on-window-close, otherwise just
 * removing it (its updates were emitted as they happened).
 */
final class WindowAggregateOperator<K, V, A> extends TableOperator<Windowed<K>, A>
    implements OneInputStreamOperator<KeyValue<K, V>, Change<Windowed<K>, A>>, Triggerable<Long> {

  private final TimeWindows windows;
  private final Initializer<A> initializer;
  private final Aggregator<? super K, ? super V, A> aggregator;
  private final boolean emitOnClose;
  private MapState<Long, A> aggregates;
  private InternalTimerService<Long> timers;
  private final StreamTime streamTime = new StreamTime();

  WindowAggregateOperator(TableSettings settings, TimeWindows windows, Initializer<A> initializer,
      Aggregator<? super K, ? super V, A> aggregator, boolean emitOnClose) {
    super(settings);
    this.windows = windows;
    this.initializer = initializer;
    this.aggregator = aggregator;
    this.emitOnClose = emitOnClose;
  }

  @Override
  public void open() throws Exception {
    super.open();
    aggregates = Windows.mapState(context.keyedState(), "windows");
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
    long grace = windows.gracePeriodMs();
    boolean dropped = false;
    for (long start : windows.windowStartsFor(timestamp)) {
      long end = start + windows.size();
      if (end + grace <= streamTime.now()) {
        dropped = true;
        continue;
      }
      A old = aggregates.get(start);
      A base = old == null && initializer != null ? initializer.apply() : old;
      A updated = aggregator.apply(record.key, record.value, base);
      aggregates.put(start, updated);
      if (old == null) {
        timers.registerEventTimeTimer(start, end + grace);
      }
      if (!emitOnClose) {
        forwarder.forward(new Windowed<>(record.key, new Windows.TimeWindow(start, end)), updated, old, timestamp);
      }
    }
    if (dropped) {
      streamTime.dropLate(record, timestamp);
    }
    timers.advanceWatermark(streamTime.now());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(InternalTimer<Long> timer) throws Exception {
    long start = timer.namespace();
    A value = aggregates.get(start);
    if (value == null) {
      return;
    }
    aggregates.remove(start);
    if (emitOnClose) {
      long end = start + windows.size();
      forwarder.forward(new Windowed<>((K) timer.key(), new Windows.TimeWindow(start, end)), value, null, end - 1);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<Long> timer) {}
}
