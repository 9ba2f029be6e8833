package dev.sluice.examples.usecases.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.usecases.Inputs;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.CapturedStream;
import dev.sluice.test.SluiceTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnomalyDetectionTest {
  private static final int WINDOW = 5;
  private static final double K = 3;
  private static final double MIN_BAND = 4;

  /** 4 servers x 150 readings with 5% spikes, plus readings that share a timestamp. */
  private static List<Metric> input() {
    MetricGenerator generator = new MetricGenerator(4, 0, 0.05);
    List<Metric> metrics = new ArrayList<>();
    for (long i = 0; i < 600; i++) {
      metrics.add(generator.map(i));
    }
    for (int i = 40; i < 600; i += 97) { // ties: same server and time, other values
      Metric m = metrics.get(i);
      metrics.add(new Metric(m.serverId(), m.cpu() + 50, m.memory() - 1, m.timestamp()));
      metrics.add(new Metric(m.serverId(), m.cpu() - 1, m.memory(), m.timestamp()));
    }
    return metrics;
  }

  /** The obviously correct model: per server, in sorted order, the previous WINDOW readings. */
  private static Map<String, List<Alert>> expected(List<Metric> metrics) {
    List<Metric> sorted = new ArrayList<>(metrics);
    sorted.sort(Metric.EVENT_TIME_ORDER);
    Map<String, List<Metric>> byServer = new TreeMap<>();
    for (Metric m : sorted) {
      byServer.computeIfAbsent(m.serverId(), s -> new ArrayList<>()).add(m);
    }
    Map<String, List<Alert>> alerts = new TreeMap<>();
    byServer.forEach((server, readings) -> {
      List<Alert> out = new ArrayList<>();
      for (int j = WINDOW; j < readings.size(); j++) {
        for (String metric : List.of("cpu", "memory")) {
          double[] previous = new double[WINDOW];
          for (int w = 0; w < WINDOW; w++) {
            Metric p = readings.get(j - WINDOW + w);
            previous[w] = metric.equals("cpu") ? p.cpu() : p.memory();
          }
          double sum = 0;
          for (double v : previous) {
            sum += v;
          }
          double mean = sum / WINDOW;
          double mad = 0;
          for (double v : previous) {
            mad += Math.abs(v - mean);
          }
          double band = Math.max(K * (mad / WINDOW), MIN_BAND);
          Metric now = readings.get(j);
          double value = metric.equals("cpu") ? now.cpu() : now.memory();
          if (Math.abs(value - mean) > band) {
            out.add(new Alert(server, metric, value, mean, band, now.timestamp()));
          }
        }
      }
      alerts.put(server, out);
    });
    return alerts;
  }

  @ParameterizedTest(name = "parallelism {0}, fully shuffled {1}")
  @CsvSource({"1, false", "3, false", "1, true", "3, true"})
  void alertsAreExactlyThoseOfTheSortedInput(int parallelism, boolean fullShuffle) {
    List<Metric> metrics = input();
    long bound = fullShuffle ? Inputs.span(metrics, Metric::timestamp) : 4_000;
    List<Metric> arrival = fullShuffle
        ? Inputs.shuffleAll(metrics, 7)
        : Inputs.shuffleWithin(metrics, bound, 7, Metric::timestamp);
    assertThat(arrival).isNotEqualTo(metrics);

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    SingleOutputStreamOperator<Alert> alerts = AnomalyDetection.build(
        Inputs.stream(env, arrival, bound, (m, ts) -> m.timestamp()), WINDOW, K, MIN_BAND);
    CapturedStream<Alert> main = SluiceTestKit.capture(alerts);
    CapturedStream<Metric> late = SluiceTestKit.capture(alerts.getSideOutput(AnomalyDetection.LATE));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));

    Map<String, List<Alert>> expected = expected(metrics);
    Map<String, List<Alert>> actual = new TreeMap<>();
    for (String server : expected.keySet()) {
      actual.put(server, new ArrayList<>());
    }
    main.values().forEach(a -> actual.get(a.serverId()).add(a)); // per server in emitted order
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(20);
    assertThat(late.values()).isEmpty();
  }
}
