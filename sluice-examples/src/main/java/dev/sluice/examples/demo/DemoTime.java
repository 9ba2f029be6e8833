package dev.sluice.examples.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats event times of the demo (UTC). */
final class DemoTime {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private DemoTime() {}

  /** {@code [HH:mm:ss, HH:mm:ss)}. */
  static String window(long start, long end) {
    return "[" + CLOCK.format(Instant.ofEpochMilli(start)) + ", " + CLOCK.format(Instant.ofEpochMilli(end)) + ")";
  }
}
