package dev.sluice.streaming.api.windowing.assigners;

import java.time.Duration;

/** Build-time argument checks shared by the assigners. */
final class WindowChecks {
  private WindowChecks() {}

  static long positive(Duration d, String what, String assigner) {
    if (d == null) {
      throw new NullPointerException(assigner + ": the " + what + " must not be null");
    }
    long ms = d.toMillis();
    if (ms <= 0) {
      throw new IllegalArgumentException(assigner + ": the " + what + " must be positive, got "
          + ms + " ms");
    }
    return ms;
  }

  static long offset(Duration d, long bound, String boundName, String assigner) {
    if (d == null) {
      throw new NullPointerException(assigner + ": the offset must not be null");
    }
    long ms = d.toMillis();
    if (Math.abs(ms) >= bound) {
      throw new IllegalArgumentException(assigner + ": the offset must satisfy abs(offset) < "
          + boundName + ", got offset " + ms + " ms and " + boundName + " " + bound + " ms");
    }
    return ms;
  }

  static void slide(long size, long slide, String assigner) {
    if (slide > size) {
      throw new IllegalArgumentException(assigner + ": the slide (" + slide
          + " ms) must not be larger than the size (" + size + " ms)");
    }
  }
}
