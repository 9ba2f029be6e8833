package dev.sluice.examples.usecases.iot;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.examples.usecases.ExampleOptions;
import dev.sluice.examples.usecases.ResultPrinter;
import dev.sluice.examples.usecases.ResultPrinter.Line;
import dev.sluice.examples.usecases.UseCases;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.OutputTag;
import java.time.Duration;

/**
 * IoT monitoring of temperature sensors.
 *
 * <pre>
 *   readings (sensorId, temperature, timestamp), out of order, with watermarks
 *     -> keyBy(sensorId)
 *     -> SustainedConditionDetector: per sensor, in event-time order, runs of readings above 75 C
 *     -> one OverheatAlert per run lasting 10 s or more, with its start and end
 *   late readings (behind the watermark) -> side output LATE, printed and counted
 * </pre>
 */
public final class IotMonitoring {
  public static final String JOB_NAME = "Sluice example: IoT monitoring";
  public static final double THRESHOLD = 75;
  public static final Duration MIN_DURATION = Duration.ofSeconds(10);
  public static final int SENSORS = 50;
  /** Readings that arrived behind the watermark. */
  public static final OutputTag<SensorReading> LATE = new OutputTag<SensorReading>("late-readings") {};

  private IotMonitoring() {}

  /**
   * The alerts of {@code readings}, which must carry event timestamps and watermarks. Readings
   * behind the watermark go to {@link #LATE} on the returned stream.
   */
  public static SingleOutputStreamOperator<OverheatAlert> build(DataStream<SensorReading> readings) {
    return build(readings, THRESHOLD, MIN_DURATION);
  }

  /** Like {@link #build(DataStream)} with another threshold and minimum duration. */
  public static SingleOutputStreamOperator<OverheatAlert> build(DataStream<SensorReading> readings,
      double threshold, Duration minDuration) {
    return readings
        .keyBy(SensorReading::sensorId)
        .process(new SustainedConditionDetector(threshold, minDuration.toMillis(), LATE))
        .name("Sustained condition detector");
  }

  /** Generated readings of {@link #SENSORS} sensors, with timestamps and watermarks. */
  public static DataStream<SensorReading> generated(StreamExecutionEnvironment env, ExampleOptions options) {
    TypeInformation<SensorReading> type = TypeInformation.of(SensorReading.class);
    DataGeneratorSource<SensorReading> source = new DataGeneratorSource<>(
        new SensorGenerator(SENSORS, options.outOfOrdernessMillis(), options.anomalyRate()),
        options.events(), UseCases.rateLimiter(options), type);
    WatermarkStrategy<SensorReading> watermarks = WatermarkStrategy
        .<SensorReading>forBoundedOutOfOrderness(Duration.ofMillis(options.outOfOrdernessMillis()))
        .withTimestampAssigner((reading, ts) -> reading.timestamp());
    return env.fromSource(source, watermarks, "Sensor readings", type);
  }

  /** Adds the example on generated data, printing alerts and late readings, to {@code env}. */
  public static void define(StreamExecutionEnvironment env, ExampleOptions options) {
    SingleOutputStreamOperator<OverheatAlert> alerts = build(generated(env, options));
    DataStream<Line> lines = alerts.map(a -> new Line("ALERT", a.describe())).returns(Line.class)
        .union(alerts.getSideOutput(LATE).map(r -> new Line("LATE", r.toString())).returns(Line.class));
    lines.sinkTo(new ResultPrinter(options.out(), "ALERT", "LATE")).name("Print").setParallelism(1);
  }

  /** Runs the example: {@code [events [rate]]} (default 20,000 events, as fast as possible). */
  public static void main(String[] args) throws Exception {
    ExampleOptions options = UseCases.mainOptions(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, options);
    env.execute(JOB_NAME);
  }
}
