package dev.sluice.examples.usecases.iot;

import java.util.Comparator;

/** A temperature reading (degrees Celsius) of one sensor at an event time in ms. */
public record SensorReading(String sensorId, double temperature, long timestamp) {
  /** Event-time order, then by content: a total order, so ties never depend on arrival order. */
  public static final Comparator<SensorReading> EVENT_TIME_ORDER =
      Comparator.comparingLong(SensorReading::timestamp)
          .thenComparing(SensorReading::sensorId)
          .thenComparingDouble(SensorReading::temperature);
}
