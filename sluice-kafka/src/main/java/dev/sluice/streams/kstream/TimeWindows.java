package dev.sluice.streams.kstream;

import java.time.Duration;

/**
 * Fixed-size windows {@code [start, start + size)} starting at multiples of the advance:
 * tumbling (advance = size) or hopping ({@link #advanceBy}). A record belongs to every window
 * containing its timestamp; a window closes when stream time reaches its end plus the grace
 * period, and records for closed windows are dropped (counted in {@code numLateRecordsDropped}).
 */
public final class TimeWindows {
  final long sizeMs;
  final long advanceMs;
  final long graceMs;

  private TimeWindows(long sizeMs, long advanceMs, long graceMs) {
    if (sizeMs <= 0) {
      throw new IllegalArgumentException("The window size must be positive: " + sizeMs + " ms");
    }
    if (advanceMs <= 0 || advanceMs > sizeMs) {
      throw new IllegalArgumentException("The advance must be positive and at most the size (" + sizeMs + " ms): "
          + advanceMs + " ms");
    }
    if (graceMs < 0) {
      throw new IllegalArgumentException("The grace period must not be negative: " + graceMs + " ms");
    }
    this.sizeMs = sizeMs;
    this.advanceMs = advanceMs;
    this.graceMs = graceMs;
  }

  public static TimeWindows ofSizeWithNoGrace(Duration size) {
    return new TimeWindows(size.toMillis(), size.toMillis(), 0);
  }

  public static TimeWindows ofSizeAndGrace(Duration size, Duration afterWindowEnd) {
    return new TimeWindows(size.toMillis(), size.toMillis(), afterWindowEnd.toMillis());
  }

  public TimeWindows advanceBy(Duration advance) {
    return new TimeWindows(sizeMs, advance.toMillis(), graceMs);
  }

  public long size() {
    return sizeMs;
  }

  public long advanceMs() {
    return advanceMs;
  }

  public long gracePeriodMs() {
    return graceMs;
  }

  /** The starts of the windows containing {@code timestamp}, oldest first. */
  public long[] windowStartsFor(long timestamp) {
    long first = Math.max(0, timestamp - sizeMs + advanceMs) / advanceMs * advanceMs;
    int n = (int) ((timestamp - first) / advanceMs) + 1;
    long[] starts = new long[n];
    for (int i = 0; i < n; i++) {
      starts[i] = first + i * advanceMs;
    }
    return starts;
  }
}
