package dev.sluice.api.common.eventtime;

/**
 * Generates watermarks from the records it sees ({@link #onEvent}) and on a timer ({@link
 * #onPeriodicEmit}, every auto-watermark interval). Used by one thread.
 */
public interface WatermarkGenerator<T> {
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  void onPeriodicEmit(WatermarkOutput output);
}
