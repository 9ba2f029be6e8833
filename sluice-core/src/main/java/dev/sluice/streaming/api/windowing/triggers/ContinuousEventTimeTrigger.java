package dev.sluice.streaming.api.windowing.triggers;

import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.streaming.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time (at multiples of the interval) and once more
 * when the watermark passes the window's end.
 */
public class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long interval;
  /** The next periodic firing time of the window (at most one is pending). */
  private final ReducingStateDescriptor<Long> stateDesc =
      new ReducingStateDescriptor<>("fire-time", Math::min, Long.class);

  private ContinuousEventTimeTrigger(long interval) {
    this.interval = interval;
  }

  public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
    long ms = interval.toMillis();
    if (ms <= 0) {
      throw new IllegalArgumentException("ContinuousEventTimeTrigger: the interval must be positive, got "
          + ms + " ms");
    }
    return new ContinuousEventTimeTrigger<>(ms);
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx)
      throws Exception {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE;
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    ReducingState<Long> next = ctx.getPartitionedState(stateDesc);
    if (next.get() == null) {
      scheduleNext(timestamp - Math.floorMod(timestamp, interval), window, ctx, next);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    if (time == window.maxTimestamp()) {
      return TriggerResult.FIRE;
    }
    ReducingState<Long> next = ctx.getPartitionedState(stateDesc);
    Long due = next.get();
    if (due != null && due == time) {
      next.clear();
      scheduleNext(time, window, ctx, next);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  private void scheduleNext(long from, W window, TriggerContext ctx, ReducingState<Long> next)
      throws Exception {
    long at = Math.min(from + interval, window.maxTimestamp());
    next.add(at);
    ctx.registerEventTimeTimer(at);
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> next = ctx.getPartitionedState(stateDesc);
    Long due = next.get();
    if (due != null) {
      ctx.deleteEventTimeTimer(due);
      next.clear();
    }
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    ctx.mergePartitionedState(stateDesc);
    Long due = ctx.getPartitionedState(stateDesc).get();
    if (due != null) {
      ctx.registerEventTimeTimer(due);
    }
  }

  public long getInterval() {
    return interval;
  }

  @Override
  public String toString() {
    return "ContinuousEventTimeTrigger(" + interval + ")";
  }
}
