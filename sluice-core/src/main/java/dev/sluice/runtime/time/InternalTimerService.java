package dev.sluice.runtime.time;

import dev.sluice.runtime.state.HeapKeyedStateBackend;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;

/**
 * The keyed timers of one operator, in two queues (event time, processing time), deduplicated per
 * (time, key, namespace). Used by the operator's subtask thread only.
 */
public final class InternalTimerService<N> {
  private static final Comparator<InternalTimer<?>> BY_TIME =
      Comparator.comparingLong(InternalTimer::timestamp);

  private final HeapKeyedStateBackend keyedState;
  private final ProcessingTimeService processingTime;
  private final Triggerable<N> target;
  private final PriorityQueue<InternalTimer<N>> eventTimers = new PriorityQueue<>(BY_TIME);
  private final HashSet<InternalTimer<N>> eventTimerSet = new HashSet<>();
  private final PriorityQueue<InternalTimer<N>> processingTimers = new PriorityQueue<>(BY_TIME);
  private final HashSet<InternalTimer<N>> processingTimerSet = new HashSet<>();
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledProcessingTime = Long.MAX_VALUE;

  public InternalTimerService(HeapKeyedStateBackend keyedState, ProcessingTimeService processingTime,
      Triggerable<N> target) {
    this.keyedState = keyedState;
    this.processingTime = processingTime;
    this.target = target;
  }

  public long currentWatermark() {
    return currentWatermark;
  }

  public long currentProcessingTime() {
    return processingTime.currentProcessingTime();
  }

  public void registerEventTimeTimer(N namespace, long time) {
    InternalTimer<N> timer = new InternalTimer<>(time, currentKey(), namespace);
    if (eventTimerSet.add(timer)) {
      eventTimers.add(timer);
    }
  }

  public void deleteEventTimeTimer(N namespace, long time) {
    InternalTimer<N> timer = new InternalTimer<>(time, currentKey(), namespace);
    if (eventTimerSet.remove(timer)) {
      eventTimers.remove(timer);
    }
  }

  public void registerProcessingTimeTimer(N namespace, long time) {
    InternalTimer<N> timer = new InternalTimer<>(time, currentKey(), namespace);
    if (processingTimerSet.add(timer)) {
      processingTimers.add(timer);
      if (time < scheduledProcessingTime) {
        scheduledProcessingTime = time;
        processingTime.schedule(time, this::onProcessingTime);
      }
    }
  }

  public void deleteProcessingTimeTimer(N namespace, long time) {
    InternalTimer<N> timer = new InternalTimer<>(time, currentKey(), namespace);
    if (processingTimerSet.remove(timer)) {
      processingTimers.remove(timer);
    }
  }

  private Object currentKey() {
    Object key = keyedState.currentKey();
    if (key == null) {
      throw new IllegalStateException("Timers can only be set while a key is being processed");
    }
    return key;
  }

  /** Fires every event-time timer at or before {@code watermark}, in time order. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    InternalTimer<N> timer;
    while ((timer = eventTimers.peek()) != null && timer.timestamp() <= watermark) {
      eventTimers.poll();
      eventTimerSet.remove(timer);
      keyedState.setCurrentKey(timer.key());
      target.onEventTime(timer);
    }
  }

  private void onProcessingTime(long time) throws Exception {
    scheduledProcessingTime = Long.MAX_VALUE;
    long now = processingTime.currentProcessingTime();
    InternalTimer<N> timer;
    while ((timer = processingTimers.peek()) != null && timer.timestamp() <= now) {
      processingTimers.poll();
      processingTimerSet.remove(timer);
      keyedState.setCurrentKey(timer.key());
      target.onProcessingTime(timer);
    }
    if (timer != null && timer.timestamp() < scheduledProcessingTime) {
      scheduledProcessingTime = timer.timestamp();
      processingTime.schedule(timer.timestamp(), this::onProcessingTime);
    }
  }

  public int numEventTimeTimers() {
    return eventTimers.size();
  }

  public int numProcessingTimeTimers() {
    return processingTimers.size();
  }
}
