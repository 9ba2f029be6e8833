package dev.sluice.examples.usecases.fraud;

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
 * Fraud detection on card transactions.
 *
 * <pre>
 *   transactions (id, cardId, amount, location, timestamp), out of order, with watermarks
 *     -> keyBy(cardId)
 *     -> MultiLocationDetector: per card, in event-time order, the transactions of the last 60 s
 *     -> FraudAlert for each transaction made while the card was used in 2+ locations in 60 s
 *   late transactions (behind the watermark) -> side output LATE
 * </pre>
 */
public final class FraudDetection {
  public static final String JOB_NAME = "Sluice example: fraud detection";
  public static final Duration SPAN = Duration.ofSeconds(60);
  public static final int CARDS = 2_000;
  /** Transactions that arrived behind the watermark. */
  public static final OutputTag<Transaction> LATE = new OutputTag<Transaction>("late-transactions") {};

  private FraudDetection() {}

  /**
   * The alerts of {@code transactions}, which must carry event timestamps and watermarks.
   * Transactions behind the watermark go to {@link #LATE} on the returned stream.
   */
  public static SingleOutputStreamOperator<FraudAlert> build(DataStream<Transaction> transactions) {
    return build(transactions, SPAN);
  }

  /** Like {@link #build(DataStream)} with another span. */
  public static SingleOutputStreamOperator<FraudAlert> build(DataStream<Transaction> transactions,
      Duration span) {
    return transactions
        .keyBy(Transaction::cardId)
        .process(new MultiLocationDetector(span.toMillis(), LATE))
        .name("Multi-location detector");
  }

  /** Generated transactions of {@link #CARDS} cards, with timestamps and watermarks. */
  public static DataStream<Transaction> generated(StreamExecutionEnvironment env, ExampleOptions options) {
    TypeInformation<Transaction> type = TypeInformation.of(Transaction.class);
    DataGeneratorSource<Transaction> source = new DataGeneratorSource<>(
        new TransactionGenerator(CARDS, options.outOfOrdernessMillis(), options.anomalyRate()),
        options.events(), UseCases.rateLimiter(options), type);
    WatermarkStrategy<Transaction> watermarks = WatermarkStrategy
        .<Transaction>forBoundedOutOfOrderness(Duration.ofMillis(options.outOfOrdernessMillis()))
        .withTimestampAssigner((tx, ts) -> tx.timestamp());
    return env.fromSource(source, watermarks, "Transactions", type);
  }

  /** Adds the example on generated data, printing alerts and late transactions, to {@code env}. */
  public static void define(StreamExecutionEnvironment env, ExampleOptions options) {
    SingleOutputStreamOperator<FraudAlert> alerts = build(generated(env, options));
    DataStream<Line> lines = alerts.map(a -> new Line("ALERT", a.describe())).returns(Line.class)
        .union(alerts.getSideOutput(LATE).map(t -> new Line("LATE", t.toString())).returns(Line.class));
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
