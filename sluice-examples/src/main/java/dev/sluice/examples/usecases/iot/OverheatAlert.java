package dev.sluice.examples.usecases.iot;

import java.util.Locale;

/**
 * One episode of a sensor staying above the threshold long enough: consecutive readings (in event
 * time) above it, from {@code start} to {@code end}.
 *
 * @param sensorId the sensor
 * @param start event time of the episode's first reading above the threshold
 * @param end event time of its last reading above the threshold
 * @param maxTemperature the highest reading in the episode
 * @param readings how many readings the episode had
 */
public record OverheatAlert(String sensorId, long start, long end, double maxTemperature, int readings) {
  /** How long the sensor stayed above the threshold, in ms of event time. */
  public long durationMillis() {
    return end - start;
  }

  /** A one-line description for people. */
  public String describe() {
    return String.format(Locale.ROOT, "%s above threshold for %.1f s (%d readings, max %.1f C) from %d to %d",
        sensorId, durationMillis() / 1000.0, readings, maxTemperature, start, end);
  }
}
