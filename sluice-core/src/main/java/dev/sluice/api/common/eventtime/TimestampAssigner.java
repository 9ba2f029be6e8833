package dev.sluice.api.common.eventtime;

/** Gives a record its event timestamp (epoch milliseconds). */
@FunctionalInterface
public interface TimestampAssigner<T> {
  /** Value of {@code recordTimestamp} when the record has none. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  long extractTimestamp(T element, long recordTimestamp);
}
