package dev.sluice.examples.usecases.anomaly;

import static dev.sluice.examples.usecases.Randomness.START_MILLIS;
import static dev.sluice.examples.usecases.Randomness.below;
import static dev.sluice.examples.usecases.Randomness.oneDecimal;
import static dev.sluice.examples.usecases.Randomness.uniform;

import dev.sluice.connector.datagen.source.GeneratorFunction;

/**
 * Makes reading {@code i} from {@code i} alone: {@code servers} servers report in turn, each once a
 * second of event time. Each server has its own normal CPU and memory level with a little noise;
 * a share {@code anomalyRate} of readings has a CPU spike and (independently) the same share a
 * memory jump. Timestamps are moved back by up to {@code outOfOrdernessMillis}, so the stream is
 * out of order by at most that much.
 */
public final class MetricGenerator implements GeneratorFunction<Long, Metric> {
  private static final long serialVersionUID = 1L;
  public static final long MILLIS_BETWEEN_READINGS = 1_000;

  private final int servers;
  private final long outOfOrdernessMillis;
  private final double anomalyRate;

  public MetricGenerator(int servers, long outOfOrdernessMillis, double anomalyRate) {
    if (servers < 1 || outOfOrdernessMillis < 0 || !(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("Need servers >= 1, outOfOrdernessMillis >= 0 and "
          + "0 <= anomalyRate <= 1, got " + servers + ", " + outOfOrdernessMillis + ", " + anomalyRate);
    }
    this.servers = servers;
    this.outOfOrdernessMillis = outOfOrdernessMillis;
    this.anomalyRate = anomalyRate;
  }

  @Override
  public Metric map(Long index) {
    long i = index;
    int server = (int) (i % servers);
    long nominal = START_MILLIS + (i / servers) * MILLIS_BETWEEN_READINGS + server;
    long timestamp = nominal - below(i, 1, outOfOrdernessMillis + 1);
    double cpu = 15 + 6 * (server % 8) + 6 * (uniform(i, 2) - 0.5);
    if (uniform(i, 3) < anomalyRate) {
      cpu = 92 + 8 * uniform(i, 4);
    }
    double memory = 35 + 4 * (server % 10) + 4 * (uniform(i, 5) - 0.5);
    if (uniform(i, 6) < anomalyRate) {
      memory += 30 + 10 * uniform(i, 7);
    }
    return new Metric(String.format("server-%02d", server), oneDecimal(cpu), oneDecimal(memory), timestamp);
  }
}
