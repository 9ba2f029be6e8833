package dev.sluice.streaming.api;

/** Which clock a timer was set on. */
public enum TimeDomain {
  EVENT_TIME,
  PROCESSING_TIME
}
