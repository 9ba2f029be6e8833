package dev.sluice.streams.kstream;

import java.time.Duration;

/**
 * Sessions per key: records less than the inactivity gap apart share a session {@code [first,
 * last]}; a record that bridges two sessions merges them. A session closes when stream time passes
 * its end plus the grace period.
 */
public final class SessionWindows {
  final long gapMs;
  final long graceMs;

  private SessionWindows(long gapMs, long graceMs) {
    if (gapMs <= 0) {
      throw new IllegalArgumentException("The inactivity gap must be positive: " + gapMs + " ms");
    }
    if (graceMs < 0) {
      throw new IllegalArgumentException("The grace period must not be negative: " + graceMs + " ms");
    }
    this.gapMs = gapMs;
    this.graceMs = graceMs;
  }

  public static SessionWindows ofInactivityGapWithNoGrace(Duration inactivityGap) {
    return new SessionWindows(inactivityGap.toMillis(), 0);
  }

  public static SessionWindows ofInactivityGapAndGrace(Duration inactivityGap, Duration afterWindowEnd) {
    return new SessionWindows(inactivityGap.toMillis(), afterWindowEnd.toMillis());
  }

  public long inactivityGap() {
    return gapMs;
  }

  public long gracePeriodMs() {
    return graceMs;
  }
}
