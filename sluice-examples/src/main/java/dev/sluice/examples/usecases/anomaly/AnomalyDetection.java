package dev.sluice.examples.usecases.anomaly;

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
 * Anomaly detection on server metrics.
 *
 * <pre>
 *   metrics (serverId, cpu, memory, timestamp), out of order, with watermarks
 *     -> keyBy(serverId)
 *     -> BaselineDetector: per server, in event-time order, moving average of the last N
 *        readings and a band of k x mean absolute deviation around it
 *     -> Alert for each CPU or memory value outside the band
 *   late readings (behind the watermark) -> side output LATE
 * </pre>
 */
public final class AnomalyDetection {
  public static final String JOB_NAME = "Sluice example: anomaly detection";
  /** Readings in the moving baseline. */
  public static final int WINDOW = 10;
  /** Band half-width in mean absolute deviations. */
  public static final double K = 4;
  /** The band is never narrower than this many percentage points. */
  public static final double MIN_BAND = 8;
  public static final int SERVERS = 12;
  /** Readings that arrived behind the watermark. */
  public static final OutputTag<Metric> LATE = new OutputTag<Metric>("late-metrics") {};

  private AnomalyDetection() {}

  /**
   * The alerts of {@code metrics}, which must carry event timestamps and watermarks. Readings
   * behind the watermark go to {@link #LATE} on the returned stream.
   */
  public static SingleOutputStreamOperator<Alert> build(DataStream<Metric> metrics) {
    return build(metrics, WINDOW, K, MIN_BAND);
  }

  /** Like {@link #build(DataStream)} with a baseline of {@code window} readings and band {@code k}. */
  public static SingleOutputStreamOperator<Alert> build(DataStream<Metric> metrics, int window,
      double k, double minBand) {
    return metrics
        .keyBy(Metric::serverId)
        .process(new BaselineDetector(window, k, minBand, LATE))
        .name("Baseline detector");
  }

  /** Generated metrics of {@link #SERVERS} servers, with timestamps and watermarks. */
  public static DataStream<Metric> generated(StreamExecutionEnvironment env, ExampleOptions options) {
    TypeInformation<Metric> type = TypeInformation.of(Metric.class);
    DataGeneratorSource<Metric> source = new DataGeneratorSource<>(
        new MetricGenerator(SERVERS, options.outOfOrdernessMillis(), options.anomalyRate()),
        options.events(), UseCases.rateLimiter(options), type);
    WatermarkStrategy<Metric> watermarks = WatermarkStrategy
        .<Metric>forBoundedOutOfOrderness(Duration.ofMillis(options.outOfOrdernessMillis()))
        .withTimestampAssigner((metric, ts) -> metric.timestamp());
    return env.fromSource(source, watermarks, "Server metrics", type);
  }

  /** Adds the example on generated data, printing alerts and late readings, to {@code env}. */
  public static void define(StreamExecutionEnvironment env, ExampleOptions options) {
    SingleOutputStreamOperator<Alert> alerts = build(generated(env, options));
    DataStream<Line> lines = alerts.map(a -> new Line("ALERT", a.describe())).returns(Line.class)
        .union(alerts.getSideOutput(LATE).map(m -> new Line("LATE", m.toString())).returns(Line.class));
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
