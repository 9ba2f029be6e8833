package dev.sluice.examples.usecases.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkOutput;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.examples.usecases.Inputs;
import dev.sluice.streaming.api.datastream.DataStream;
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
import org.junit.jupiter.params.provider.ValueSource;

class IotMonitoringTest {
  private static final double THRESHOLD = IotMonitoring.THRESHOLD;
  private static final long MIN = IotMonitoring.MIN_DURATION.toMillis();

  /** 6 sensors x 10 minutes, hot spells in about half the minutes, nothing delayed. */
  private static List<SensorReading> input() {
    SensorGenerator generator = new SensorGenerator(6, 0, 0.05);
    List<SensorReading> readings = new ArrayList<>();
    for (long i = 0; i < 6 * 600; i++) {
      readings.add(generator.map(i));
    }
    // an episode of exactly MIN (alerts), one of MIN - 1 (does not), one open at the end (alerts)
    long t = readings.get(0).timestamp();
    readings.add(new SensorReading("edge-a", 80, t));
    readings.add(new SensorReading("edge-a", 81, t + MIN));
    readings.add(new SensorReading("edge-a", THRESHOLD, t + MIN + 1)); // at the threshold: not above
    readings.add(new SensorReading("edge-b", 80, t));
    readings.add(new SensorReading("edge-b", 80, t + MIN - 1));
    readings.add(new SensorReading("edge-b", 20, t + MIN));
    readings.add(new SensorReading("edge-c", 90, t + 100));
    readings.add(new SensorReading("edge-c", 91, t + 100 + MIN));
    return readings;
  }

  /** The obviously correct model: per sensor, in sorted order, maximal runs above the threshold. */
  static Map<String, List<OverheatAlert>> expected(List<SensorReading> readings) {
    List<SensorReading> sorted = new ArrayList<>(readings);
    sorted.sort(SensorReading.EVENT_TIME_ORDER);
    Map<String, List<SensorReading>> bySensor = new TreeMap<>();
    for (SensorReading r : sorted) {
      bySensor.computeIfAbsent(r.sensorId(), s -> new ArrayList<>()).add(r);
    }
    Map<String, List<OverheatAlert>> alerts = new TreeMap<>();
    bySensor.forEach((sensor, rs) -> {
      List<OverheatAlert> out = new ArrayList<>();
      int j = 0;
      while (j < rs.size()) {
        if (rs.get(j).temperature() <= THRESHOLD) {
          j++;
          continue;
        }
        int first = j;
        double max = rs.get(j).temperature();
        while (j + 1 < rs.size() && rs.get(j + 1).temperature() > THRESHOLD) {
          j++;
          max = Math.max(max, rs.get(j).temperature());
        }
        long start = rs.get(first).timestamp();
        long end = rs.get(j).timestamp();
        if (end - start >= MIN) {
          out.add(new OverheatAlert(sensor, start, end, max, j - first + 1));
        }
        j++;
      }
      alerts.put(sensor, out);
    });
    return alerts;
  }

  private static Map<String, List<OverheatAlert>> bySensor(List<OverheatAlert> alerts,
      Iterable<String> sensors) {
    Map<String, List<OverheatAlert>> actual = new TreeMap<>();
    sensors.forEach(s -> actual.put(s, new ArrayList<>()));
    alerts.forEach(a -> actual.get(a.sensorId()).add(a));
    return actual;
  }

  @ParameterizedTest(name = "parallelism {0}, fully shuffled {1}")
  @CsvSource({"1, false", "3, false", "1, true", "3, true"})
  void alertsAreExactlyThoseOfTheSortedInput(int parallelism, boolean fullShuffle) {
    List<SensorReading> readings = input();
    long bound = fullShuffle ? Inputs.span(readings, SensorReading::timestamp) : 5_000;
    List<SensorReading> arrival = fullShuffle
        ? Inputs.shuffleAll(readings, 3)
        : Inputs.shuffleWithin(readings, bound, 3, SensorReading::timestamp);

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    SingleOutputStreamOperator<OverheatAlert> alerts =
        IotMonitoring.build(Inputs.stream(env, arrival, bound, (r, ts) -> r.timestamp()));
    CapturedStream<OverheatAlert> main = SluiceTestKit.capture(alerts);
    CapturedStream<SensorReading> late = SluiceTestKit.capture(alerts.getSideOutput(IotMonitoring.LATE));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));

    Map<String, List<OverheatAlert>> expected = expected(readings);
    assertThat(bySensor(main.values(), expected.keySet())).isEqualTo(expected);
    assertThat(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(10);
    assertThat(expected.get("edge-a")).hasSize(1);
    assertThat(expected.get("edge-b")).isEmpty();
    assertThat(expected.get("edge-c")).hasSize(1);
    assertThat(late.values()).isEmpty();
  }

  /** A watermark after every reading: the highest timestamp so far minus the bound, minus 1. */
  static final class EveryEvent implements WatermarkGenerator<SensorReading> {
    private final long bound;
    private long max = Long.MIN_VALUE;

    EveryEvent(long bound) {
      this.bound = bound;
    }

    @Override
    public void onEvent(SensorReading event, long eventTimestamp, WatermarkOutput output) {
      max = Math.max(max, eventTimestamp);
      output.emitWatermark(new Watermark(max - bound - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /**
   * Readings far behind the watermark go to the late side output — each one, none dropped — and
   * the alerts are those of the readings that were in time. One watermark generator (parallelism
   * 1) with a watermark after every reading makes which readings are late exact.
   */
  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void lateReadingsAreSideOutputAndCounted(int parallelism) {
    long bound = 2_000;
    List<SensorReading> arrival = new ArrayList<>(
        Inputs.shuffleWithin(input(), bound, 5, SensorReading::timestamp));
    // delay every 37th reading by 30 s: it arrives behind the watermark
    List<SensorReading> delayed = new ArrayList<>();
    for (int i = 37; i < arrival.size(); i += 37) {
      delayed.add(arrival.get(i));
    }
    arrival.removeAll(delayed);
    for (SensorReading d : delayed) {
      int at = 0;
      while (at < arrival.size() && arrival.get(at).timestamp() < d.timestamp() + 30_000) {
        at++;
      }
      arrival.add(at, d);
    }

    // the model: late means at or behind the watermark left by the readings before it
    List<SensorReading> inTime = new ArrayList<>();
    List<SensorReading> expectedLate = new ArrayList<>();
    long max = Long.MIN_VALUE;
    for (SensorReading r : arrival) {
      if (max != Long.MIN_VALUE && r.timestamp() <= max - bound - 1) {
        expectedLate.add(r);
      } else {
        inTime.add(r);
      }
      max = Math.max(max, r.timestamp());
    }
    assertThat(expectedLate).hasSizeGreaterThan(50);

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    DataStream<SensorReading> readings = env.fromData(arrival)
        .assignTimestampsAndWatermarks(WatermarkStrategy
            .<SensorReading>forGenerator(ctx -> new EveryEvent(bound))
            .withTimestampAssigner((r, ts) -> r.timestamp()))
        .setParallelism(1);
    SingleOutputStreamOperator<OverheatAlert> alerts = IotMonitoring.build(readings);
    CapturedStream<OverheatAlert> main = SluiceTestKit.capture(alerts);
    CapturedStream<SensorReading> late = SluiceTestKit.capture(alerts.getSideOutput(IotMonitoring.LATE));
    SluiceTestKit.execute(env, Duration.ofSeconds(30));

    assertThat(late.values()).containsExactlyInAnyOrderElementsOf(expectedLate);
    Map<String, List<OverheatAlert>> expected = expected(inTime);
    assertThat(bySensor(main.values(), expected.keySet())).isEqualTo(expected);
  }
}
