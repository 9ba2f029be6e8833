package dev.sluice.examples.usecases.iot;

import static dev.sluice.examples.usecases.Randomness.START_MILLIS;
import static dev.sluice.examples.usecases.Randomness.below;
import static dev.sluice.examples.usecases.Randomness.oneDecimal;
import static dev.sluice.examples.usecases.Randomness.uniform;

import dev.sluice.connector.datagen.source.GeneratorFunction;

/**
 * Makes reading {@code i} from {@code i} alone: {@code sensors} sensors report in turn, each once a
 * second of event time, normally 18-30 C. Each sensor's time is cut into minutes; a minute is hot
 * with probability {@code min(1, 10 x anomalyRate)}, and then from its 10th second the sensor reads
 * 78-90 C for 3 to 40 s (so some hot spells are too short to alert on). Timestamps are moved back
 * by up to {@code outOfOrdernessMillis}; in addition a share {@code anomalyRate} of readings
 * arrives very late: {@code 2 x outOfOrdernessMillis + 5 s} further back, usually behind the
 * watermark.
 */
public final class SensorGenerator implements GeneratorFunction<Long, SensorReading> {
  private static final long serialVersionUID = 1L;
  public static final long MILLIS_BETWEEN_READINGS = 1_000;
  public static final long READINGS_PER_MINUTE = 60;

  private final int sensors;
  private final long outOfOrdernessMillis;
  private final double anomalyRate;

  public SensorGenerator(int sensors, long outOfOrdernessMillis, double anomalyRate) {
    if (sensors < 1 || outOfOrdernessMillis < 0 || !(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("Need sensors >= 1, outOfOrdernessMillis >= 0 and "
          + "0 <= anomalyRate <= 1, got " + sensors + ", " + outOfOrdernessMillis + ", " + anomalyRate);
    }
    this.sensors = sensors;
    this.outOfOrdernessMillis = outOfOrdernessMillis;
    this.anomalyRate = anomalyRate;
  }

  @Override
  public SensorReading map(Long index) {
    long i = index;
    int sensor = (int) (i % sensors);
    long second = i / sensors;
    long minute = second / READINGS_PER_MINUTE;
    long secondOfMinute = second % READINGS_PER_MINUTE;
    long minuteId = minute * 1_000_003L + sensor;
    boolean hotMinute = uniform(minuteId, 1) < Math.min(1, 10 * anomalyRate);
    long hotFor = 3 + below(minuteId, 2, 38);
    double temperature = hotMinute && secondOfMinute >= 10 && secondOfMinute < 10 + hotFor
        ? 78 + 12 * uniform(i, 3)
        : 18 + 12 * uniform(i, 4);
    long timestamp = START_MILLIS + second * MILLIS_BETWEEN_READINGS + sensor
        - below(i, 5, outOfOrdernessMillis + 1);
    if (uniform(i, 6) < anomalyRate) {
      timestamp -= 2 * outOfOrdernessMillis + 5_000;
    }
    return new SensorReading(String.format("sensor-%03d", sensor), oneDecimal(temperature), timestamp);
  }
}
