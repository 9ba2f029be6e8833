package dev.sluice.streams.kstream;

import java.time.Duration;

/**
 * The window of a stream-stream join: a record of this stream at {@code t} joins the other
 * stream's records of the same key in {@code [t - before, t + after]}. Records older than the
 * window plus the grace period (by stream time) are late and dropped.
 */
public final class JoinWindows {
  final long beforeMs;
  final long afterMs;
  final long graceMs;

  private JoinWindows(long beforeMs, long afterMs, long graceMs) {
    if (beforeMs + afterMs < 0) {
      throw new IllegalArgumentException("The join window must not be empty: before " + beforeMs + " ms, after "
          + afterMs + " ms");
    }
    if (graceMs < 0) {
      throw new IllegalArgumentException("The grace period must not be negative: " + graceMs + " ms");
    }
    this.beforeMs = beforeMs;
    this.afterMs = afterMs;
    this.graceMs = graceMs;
  }

  public static JoinWindows ofTimeDifferenceWithNoGrace(Duration timeDifference) {
    long d = timeDifference.toMillis();
    return new JoinWindows(d, d, 0);
  }

  public static JoinWindows ofTimeDifferenceAndGrace(Duration timeDifference, Duration afterWindowEnd) {
    long d = timeDifference.toMillis();
    return new JoinWindows(d, d, afterWindowEnd.toMillis());
  }

  public JoinWindows before(Duration timeDifference) {
    return new JoinWindows(timeDifference.toMillis(), afterMs, graceMs);
  }

  public JoinWindows after(Duration timeDifference) {
    return new JoinWindows(beforeMs, timeDifference.toMillis(), graceMs);
  }

  public long beforeMs() {
    return beforeMs;
  }

  public long afterMs() {
    return afterMs;
  }

  public long gracePeriodMs() {
    return graceMs;
  }
}
