package dev.sluice.runtime.elements;

import java.util.Arrays;

/**
 * A reusable batch of records: value, timestamp and (on keyed channels) the key that the writer
 * already extracted, so the reader does not compute it again. Owned by exactly one thread at a
 * time: the writer fills it, the channel hands it over, the reader drains it and returns it to the
 * channel's free list.
 */
public final class RecordBatch implements ChannelItem {
  /** Timestamp of a record that has none (processing-time pipelines, {@code fromData}). */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  public final Object[] values;
  public final long[] timestamps;
  /** Keys, or null when the channel is not keyed. */
  public final Object[] keys;

  private int size;

  public RecordBatch(int capacity, boolean keyed) {
    this.values = new Object[capacity];
    this.timestamps = new long[capacity];
    this.keys = keyed ? new Object[capacity] : null;
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return values.length;
  }

  public boolean isFull() {
    return size == values.length;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Appends a record; the caller checked {@link #isFull()}. */
  public void add(Object value, long timestamp) {
    values[size] = value;
    timestamps[size] = timestamp;
    size++;
  }

  /** Appends a keyed record; the caller checked {@link #isFull()}. */
  public void add(Object value, long timestamp, Object key) {
    values[size] = value;
    timestamps[size] = timestamp;
    keys[size] = key;
    size++;
  }

  /** Empties the batch and drops its references so the values can be collected. */
  public void clear() {
    Arrays.fill(values, 0, size, null);
    if (keys != null) {
      Arrays.fill(keys, 0, size, null);
    }
    size = 0;
  }
}
