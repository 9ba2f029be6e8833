package dev.sluice.runtime.time;

import dev.sluice.runtime.state.KeyedStateBackend;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keyed timers of one operator: per domain (event time, processing time) a sorted map from
 * time to the (key, namespace) pairs due then, in registration order. A timer is registered at most
 * once; deleting one is a set removal. Timers that share a time — every key's window end, in
 * aligned windows — share one bucket, so registering and firing cost a hash-set operation, not a
 * heap operation. Used by the operator's subtask thread only.
 */
public final class InternalTimerService<N> {
  /** Who a timer is for. */
  private record Slot(Object key, Object namespace) {}

  /**
   * The timers due at one time, in registration order. Most times have a single timer (session
   * windows, process functions), which is held inline: no set is allocated until a second one.
   */
  private static final class Bucket {
    private Slot single;
    private LinkedHashSet<Slot> set;

    boolean add(Slot slot) {
      if (set != null) {
        return set.add(slot);
      }
      if (single == null) {
        single = slot;
        return true;
      }
      if (single.equals(slot)) {
        return false;
      }
      set = new LinkedHashSet<>();
      set.add(single);
      set.add(slot);
      single = null;
      return true;
    }

    boolean remove(Slot slot) {
      if (set != null) {
        return set.remove(slot);
      }
      if (single != null && single.equals(slot)) {
        single = null;
        return true;
      }
      return false;
    }

    boolean isEmpty() {
      return set != null ? set.isEmpty() : single == null;
    }

    /** Removes and returns the first timer; the bucket must not be empty. */
    Slot pollFirst() {
      if (set != null) {
        Iterator<Slot> first = set.iterator();
        Slot slot = first.next();
        first.remove();
        return slot;
      }
      Slot slot = single;
      single = null;
      return slot;
    }
  }

  private final KeyedStateBackend keyedState;
  private final ProcessingTimeService processingTime;
  private final Triggerable<N> target;
  private final TreeMap<Long, Bucket> eventTimers = new TreeMap<>();
  private final TreeMap<Long, Bucket> processingTimers = new TreeMap<>();
  private int eventTimerCount;
  private int processingTimerCount;
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledProcessingTime = Long.MAX_VALUE;

  public InternalTimerService(KeyedStateBackend keyedState, ProcessingTimeService processingTime,
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
    if (add(eventTimers, time, namespace)) {
      eventTimerCount++;
    }
  }

  public void deleteEventTimeTimer(N namespace, long time) {
    if (remove(eventTimers, time, namespace)) {
      eventTimerCount--;
    }
  }

  public void registerProcessingTimeTimer(N namespace, long time) {
    if (add(processingTimers, time, namespace)) {
      processingTimerCount++;
      if (time < scheduledProcessingTime) {
        scheduledProcessingTime = time;
        processingTime.schedule(time, this::onProcessingTime);
      }
    }
  }

  public void deleteProcessingTimeTimer(N namespace, long time) {
    if (remove(processingTimers, time, namespace)) {
      processingTimerCount--;
    }
  }

  // Aligned timers (window ends) hit the same bucket over and over: remember the last one used.
  private TreeMap<Long, Bucket> lastTimers;
  private long lastTime;
  private Bucket lastBucket;

  private boolean add(TreeMap<Long, Bucket> timers, long time, N namespace) {
    Bucket bucket;
    if (lastTimers == timers && lastTime == time && lastBucket != null) {
      bucket = lastBucket;
    } else {
      bucket = timers.get(time);
      if (bucket == null) {
        bucket = new Bucket();
        timers.put(time, bucket);
      }
      lastTimers = timers;
      lastTime = time;
      lastBucket = bucket;
    }
    return bucket.add(new Slot(currentKey(), namespace));
  }

  private void forgetLastBucket(long time) {
    if (lastTime == time) {
      lastBucket = null;
    }
  }

  private boolean remove(TreeMap<Long, Bucket> timers, long time, N namespace) {
    Bucket bucket = timers.get(time);
    if (bucket == null || !bucket.remove(new Slot(currentKey(), namespace))) {
      return false;
    }
    if (bucket.isEmpty()) {
      timers.remove(time);
      forgetLastBucket(time);
    }
    return true;
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
    Map.Entry<Long, Bucket> due;
    while ((due = eventTimers.firstEntry()) != null && due.getKey() <= watermark) {
      fireBucket(eventTimers, due.getKey(), due.getValue(), true);
    }
  }

  /**
   * Fires a bucket's timers in registration order; timers its callbacks register for the same
   * time join the bucket and fire in this pass too.
   */
  @SuppressWarnings("unchecked")
  private void fireBucket(TreeMap<Long, Bucket> timers, long time,
      Bucket bucket, boolean eventTime) throws Exception {
    while (!bucket.isEmpty()) {
      Slot slot = bucket.pollFirst();
      if (eventTime) {
        eventTimerCount--;
      } else {
        processingTimerCount--;
      }
      keyedState.setCurrentKey(slot.key());
      InternalTimer<N> timer = new InternalTimer<>(time, slot.key(), (N) slot.namespace());
      if (eventTime) {
        target.onEventTime(timer);
      } else {
        target.onProcessingTime(timer);
      }
    }
    timers.remove(time, bucket);
    forgetLastBucket(time);
  }

  private void onProcessingTime(long time) throws Exception {
    scheduledProcessingTime = Long.MAX_VALUE;
    long now = processingTime.currentProcessingTime();
    Map.Entry<Long, Bucket> due;
    while ((due = processingTimers.firstEntry()) != null && due.getKey() <= now) {
      fireBucket(processingTimers, due.getKey(), due.getValue(), false);
    }
    Long next = processingTimers.isEmpty() ? null : processingTimers.firstKey();
    if (next != null && next < scheduledProcessingTime) {
      scheduledProcessingTime = next;
      processingTime.schedule(next, this::onProcessingTime);
    }
  }

  /** A timer as checkpoints store it. */
  public record TimerEntry(Object key, Object namespace, long time, boolean eventTime) {}

  /** Copies every live timer (the synchronous part of a checkpoint). */
  public java.util.List<TimerEntry> snapshotTimers() {
    java.util.List<TimerEntry> out = new java.util.ArrayList<>(eventTimerCount + processingTimerCount);
    copyTimers(eventTimers, true, out);
    copyTimers(processingTimers, false, out);
    return out;
  }

  private static void copyTimers(TreeMap<Long, Bucket> timers, boolean eventTime,
      java.util.List<TimerEntry> out) {
    for (Map.Entry<Long, Bucket> e : timers.entrySet()) {
      Bucket b = e.getValue();
      if (b.set != null) {
        for (Slot s : b.set) {
          out.add(new TimerEntry(s.key(), s.namespace(), e.getKey(), eventTime));
        }
      } else if (b.single != null) {
        out.add(new TimerEntry(b.single.key(), b.single.namespace(), e.getKey(), eventTime));
      }
    }
  }

  /** Re-registers timers read from a checkpoint. */
  public void restoreTimers(java.util.List<TimerEntry> timers) {
    long earliestProcessing = Long.MAX_VALUE;
    for (TimerEntry t : timers) {
      TreeMap<Long, Bucket> map = t.eventTime() ? eventTimers : processingTimers;
      Bucket bucket = map.computeIfAbsent(t.time(), x -> new Bucket());
      if (bucket.add(new Slot(t.key(), t.namespace()))) {
        if (t.eventTime()) {
          eventTimerCount++;
        } else {
          processingTimerCount++;
          earliestProcessing = Math.min(earliestProcessing, t.time());
        }
      }
    }
    lastBucket = null;
    if (earliestProcessing < scheduledProcessingTime) {
      scheduledProcessingTime = earliestProcessing;
      processingTime.schedule(earliestProcessing, this::onProcessingTime);
    }
  }

  /** Live (registered, not yet fired or deleted) event-time timers. */
  public int numEventTimeTimers() {
    return eventTimerCount;
  }

  /** Live processing-time timers. */
  public int numProcessingTimeTimers() {
    return processingTimerCount;
  }
}
