package dev.sluice.streaming.api.windowing.evictors;

/** An element of a window with its event timestamp (if it had one), as evictors see it. */
public final class TimestampedValue<T> {
  private final T value;
  private final long timestamp;
  private final boolean hasTimestamp;

  public TimestampedValue(T value) {
    this.value = value;
    this.timestamp = 0;
    this.hasTimestamp = false;
  }

  public TimestampedValue(T value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
    this.hasTimestamp = true;
  }

  public T getValue() {
    return value;
  }

  public long getTimestamp() {
    return timestamp;
  }

  public boolean hasTimestamp() {
    return hasTimestamp;
  }

  @Override
  public String toString() {
    return hasTimestamp ? value + "@" + timestamp : String.valueOf(value);
  }
}
