package dev.sluice.api.connector.source.util.ratelimit;

/**
 * Follows a schedule: by {@code t} ms after the first request, {@code 1 + t * rate / 1000} records
 * may have been emitted (the first one at once). A reader that falls behind — held back by
 * backpressure or a busy worker — may catch up, but by at most one second's worth of records, so
 * that a long stall is not followed by an unbounded burst.
 */
public final class ScheduleRateLimiter implements RateLimiter {
  private final double permitsPerMilli;
  private final double maxCredit;
  private boolean started;
  private double originMillis;
  private long granted;

  /** A limiter of {@code permitsPerSecond} records per second. */
  public ScheduleRateLimiter(double permitsPerSecond) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException(
          "The rate must be a positive, finite number per second, got " + permitsPerSecond);
    }
    this.permitsPerMilli = permitsPerSecond / 1000.0;
    this.maxCredit = Math.max(1.0, permitsPerSecond);
  }

  @Override
  public long availablePermits(long nowMillis) {
    if (!started) {
      started = true;
      originMillis = nowMillis;
    }
    double due = 1.0 + (nowMillis - originMillis) * permitsPerMilli - granted;
    if (due > maxCredit) {
      // Too far behind: forget the debt beyond maxCredit by moving the schedule's origin.
      originMillis = nowMillis - (granted + maxCredit - 1.0) / permitsPerMilli;
      due = maxCredit;
    }
    return due < 1.0 ? 0 : (long) due;
  }

  @Override
  public void acquire(long permits) {
    if (permits < 0) {
      throw new IllegalArgumentException("permits must not be negative, got " + permits);
    }
    granted += permits;
  }
}
