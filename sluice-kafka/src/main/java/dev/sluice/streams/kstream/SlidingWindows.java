package dev.sluice.streams.kstream;

import java.time.Duration;

/**
 * Sliding windows of a fixed time difference {@code d}, defined by the records: every record at
 * {@code t} has the window {@code [t - d, t]}, and when records follow it within {@code d + 1} also
 * the window {@code [t + 1, t + 1 + d]} (both ends inclusive). A window's value aggregates the
 * records in it; a window closes when stream time passes its end plus the grace period.
 */
public final class SlidingWindows {
  final long timeDifferenceMs;
  final long graceMs;

  private SlidingWindows(long timeDifferenceMs, long graceMs) {
    if (timeDifferenceMs < 0) {
      throw new IllegalArgumentException("The time difference must not be negative: " + timeDifferenceMs + " ms");
    }
    if (graceMs < 0) {
      throw new IllegalArgumentException("The grace period must not be negative: " + graceMs + " ms");
    }
    this.timeDifferenceMs = timeDifferenceMs;
    this.graceMs = graceMs;
  }

  public static SlidingWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
    return new SlidingWindows(timeDifference.toMillis(), 0);
  }

  public static SlidingWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration afterWindowEnd) {
    return new SlidingWindows(timeDifference.toMillis(), afterWindowEnd.toMillis());
  }

  public long timeDifferenceMs() {
    return timeDifferenceMs;
  }

  public long gracePeriodMs() {
    return graceMs;
  }
}
