package dev.sluice.runtime.time;

import dev.sluice.runtime.state.KeyedStateBackend;
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
  /**
   * The timers due at one time, in registration order. Most times have a single timer (session
   * windows, process functions), which is held inline: no arrays are allocated until a second
   * one. Aligned timers (every key's window end) fill one bucket with thousands of timers: they
   * sit in two arrays in registration order (key, namespace) with an open-addressing index of
   * their positions for de-duplication, so a registration allocates nothing and firing walks the
   * arrays. Deleted and fired positions are left empty (null key) — their index entries stay and
   * match nothing — and both are squeezed out when the arrays are full; positions never exceed
   * half the index, so its load stays at most 1/2. Timers their registrant knows to be new
   * ({@link #addUnique}) are appended without the index, which is built the first time a lookup
   * needs it: a window operator's one timer per key and window never pays for de-duplication.
   */
  static final class Bucket {
    private Object singleKey; // the inline timer when keys == null; null if none
    private Object singleNamespace;
    private Object[] keys; // registration order; null = fired or deleted
    private Object[] namespaces;
    private int[] hashes;
    private int[] index; // position + 1, 0 = empty; capacity a power of two, load <= 1/2; null = not built
    private int head; // positions before head are fired or deleted
    private int tail; // next free position
    private int live;

    private static int hash(Object key, Object namespace) {
      int h = key.hashCode() * 31 + java.util.Objects.hashCode(namespace);
      h ^= h >>> 16; // murmur3's finalizer: every input bit reaches the high bits the index uses
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      h *= 0xc2b2ae35;
      return h ^ (h >>> 16);
    }

    private boolean matches(int pos, Object key, Object namespace, int h) {
      Object k = keys[pos];
      return hashes[pos] == h && k != null && (k == key || k.equals(key))
          && java.util.Objects.equals(namespaces[pos], namespace);
    }

    /** Builds the index over the live positions, hashing them, if appends skipped it. */
    private void ensureIndex() {
      if (index != null) {
        return;
      }
      index = new int[2 * keys.length];
      for (int p = head; p < tail; p++) {
        if (keys[p] != null) {
          hashes[p] = hash(keys[p], namespaces[p]);
          place(p);
        }
      }
    }

    /** The index slot holding the position of (key, namespace), or -1. */
    private int find(Object key, Object namespace, int h) {
      ensureIndex();
      int mask = index.length - 1;
      for (int i = h >>> (32 - Integer.numberOfTrailingZeros(index.length)); ; i = (i + 1) & mask) {
        int p = index[i];
        if (p == 0) {
          return -1;
        }
        if (matches(p - 1, key, namespace, h)) {
          return i;
        }
      }
    }

    boolean add(Object key, Object namespace) {
      if (keys == null) {
        if (singleKey == null) {
          singleKey = key;
          singleNamespace = namespace;
          return true;
        }
        if (singleKey.equals(key) && java.util.Objects.equals(singleNamespace, namespace)) {
          return false;
        }
        spillSingle();
      }
      int h = hash(key, namespace);
      if (find(key, namespace, h) >= 0) {
        return false;
      }
      append(key, namespace, h);
      return true;
    }

    /**
     * Adds a timer the caller knows is not in the bucket (so no lookup): (key, namespace) was not
     * registered for this time since it last fired or was deleted.
     */
    void addUnique(Object key, Object namespace) {
      if (keys == null) {
        if (singleKey == null) {
          singleKey = key;
          singleNamespace = namespace;
          return;
        }
        spillSingle();
      }
      if (index != null) {
        append(key, namespace, hash(key, namespace));
      } else {
        appendUnindexed(key, namespace);
      }
    }

    /** Moves the inline timer into freshly allocated arrays (no index yet) to make room for more. */
    private void spillSingle() {
      keys = new Object[8];
      namespaces = new Object[8];
      hashes = new int[8];
      appendUnindexed(singleKey, singleNamespace);
      singleKey = null;
      singleNamespace = null;
    }

    private void appendUnindexed(Object key, Object namespace) {
      if (tail == keys.length) {
        reorganize();
      }
      int pos = tail++;
      keys[pos] = key;
      namespaces[pos] = namespace;
      live++;
    }

    private void append(Object key, Object namespace, int h) {
      if (tail == keys.length) {
        reorganize();
      }
      int pos = tail++;
      keys[pos] = key;
      namespaces[pos] = namespace;
      hashes[pos] = h;
      live++;
      place(pos);
    }

    private void place(int pos) {
      int mask = index.length - 1;
      int i = hashes[pos] >>> (32 - Integer.numberOfTrailingZeros(index.length));
      while (index[i] != 0) {
        i = (i + 1) & mask;
      }
      index[i] = pos + 1;
    }

    /** Squeezes out empty positions and grows the arrays if more than half of them is live. */
    private void reorganize() {
      int capacity = keys.length;
      if (2 * live > capacity) {
        capacity *= 2;
      }
      Object[] k = new Object[capacity];
      Object[] n = new Object[capacity];
      int[] h = new int[capacity];
      int m = 0;
      for (int p = head; p < tail; p++) {
        if (keys[p] != null) {
          k[m] = keys[p];
          n[m] = namespaces[p];
          h[m] = hashes[p];
          m++;
        }
      }
      keys = k;
      namespaces = n;
      hashes = h;
      head = 0;
      tail = m;
      if (index != null) {
        index = new int[2 * capacity];
        for (int p = 0; p < m; p++) {
          place(p);
        }
      }
    }

    boolean remove(Object key, Object namespace) {
      if (keys == null) {
        if (singleKey != null && singleKey.equals(key)
            && java.util.Objects.equals(singleNamespace, namespace)) {
          singleKey = null;
          singleNamespace = null;
          return true;
        }
        return false;
      }
      int slot = find(key, namespace, hash(key, namespace));
      if (slot < 0) {
        return false;
      }
      int pos = index[slot] - 1;
      keys[pos] = null; // the index entry stays, pointing at an empty position, until reorganize
      namespaces[pos] = null;
      live--;
      while (head < tail && keys[head] == null) {
        head++;
      }
      return true;
    }

    boolean isEmpty() {
      return keys != null ? live == 0 : singleKey == null;
    }

    /** The key of the first timer; the bucket must not be empty. */
    Object firstKey() {
      return keys != null ? keys[head] : singleKey;
    }

    /** The namespace of the first timer; the bucket must not be empty. */
    Object firstNamespace() {
      return keys != null ? namespaces[head] : singleNamespace;
    }

    /** Removes the first timer; the bucket must not be empty. */
    void removeFirst() {
      if (keys == null) {
        singleKey = null;
        singleNamespace = null;
        return;
      }
      int pos = head;
      keys[pos] = null; // its index entry stays, pointing at an empty position, until reorganize
      namespaces[pos] = null;
      live--;
      head++;
      while (head < tail && keys[head] == null) {
        head++;
      }
    }

    /** Calls {@code action} with every timer's key and namespace, in registration order. */
    void forEach(java.util.function.BiConsumer<Object, Object> action) {
      if (keys == null) {
        if (singleKey != null) {
          action.accept(singleKey, singleNamespace);
        }
        return;
      }
      for (int p = head; p < tail; p++) {
        if (keys[p] != null) {
          action.accept(keys[p], namespaces[p]);
        }
      }
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

  /**
   * Registers an event-time timer the caller knows the current key does not have for this
   * namespace and time (for built-in operators that register exactly one timer per key and window):
   * no de-duplication lookup. Registering a timer that exists this way makes it fire twice.
   */
  public void registerNewEventTimeTimer(N namespace, long time) {
    bucket(eventTimers, time).addUnique(currentKey(), namespace);
    eventTimerCount++;
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
    return bucket(timers, time).add(currentKey(), namespace);
  }

  /** The bucket of {@code time}, created if there is none. */
  private Bucket bucket(TreeMap<Long, Bucket> timers, long time) {
    if (lastTimers == timers && lastTime == time && lastBucket != null) {
      return lastBucket;
    }
    Bucket bucket = timers.get(time);
    if (bucket == null) {
      bucket = new Bucket();
      timers.put(time, bucket);
    }
    lastTimers = timers;
    lastTime = time;
    lastBucket = bucket;
    return bucket;
  }

  private void forgetLastBucket(long time) {
    if (lastTime == time) {
      lastBucket = null;
    }
  }

  private boolean remove(TreeMap<Long, Bucket> timers, long time, N namespace) {
    Bucket bucket = timers.get(time);
    if (bucket == null || !bucket.remove(currentKey(), namespace)) {
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
      Object key = bucket.firstKey();
      @SuppressWarnings("unchecked")
      N namespace = (N) bucket.firstNamespace();
      bucket.removeFirst();
      if (eventTime) {
        eventTimerCount--;
      } else {
        processingTimerCount--;
      }
      keyedState.setCurrentKey(key);
      InternalTimer<N> timer = new InternalTimer<>(time, key, namespace);
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
      long time = e.getKey();
      e.getValue().forEach((key, namespace) -> out.add(new TimerEntry(key, namespace, time, eventTime)));
    }
  }

  /** Re-registers timers read from a checkpoint. */
  public void restoreTimers(java.util.List<TimerEntry> timers) {
    long earliestProcessing = Long.MAX_VALUE;
    for (TimerEntry t : timers) {
      TreeMap<Long, Bucket> map = t.eventTime() ? eventTimers : processingTimers;
      Bucket bucket = map.computeIfAbsent(t.time(), x -> new Bucket());
      if (bucket.add(t.key(), t.namespace())) {
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
