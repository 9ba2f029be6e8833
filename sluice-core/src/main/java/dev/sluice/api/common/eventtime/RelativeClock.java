package dev.sluice.api.common.eventtime;

/** A clock for measuring durations, in milliseconds. */
@FunctionalInterface
public interface RelativeClock {
  long relativeTimeMillis();
}
