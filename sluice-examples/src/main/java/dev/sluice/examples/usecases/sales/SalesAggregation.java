package dev.sluice.examples.usecases.sales;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.examples.usecases.ExampleOptions;
import dev.sluice.examples.usecases.ResultPrinter;
import dev.sluice.examples.usecases.ResultPrinter.Line;
import dev.sluice.examples.usecases.UseCases;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.time.Duration;

/**
 * Real-time aggregation: total sales per category in tumbling event-time windows.
 *
 * <pre>
 *   transactions (transactionId, category, amount, timestamp), out of order, with watermarks
 *     -> keyBy(category)
 *     -> 5-minute tumbling event-time windows, 1 minute of allowed lateness
 *     -> aggregate(count and sum in cents, incrementally) + ProcessWindowFunction (adds the window)
 *     -> CategorySales(category, windowStart, windowEnd, count, total)
 * </pre>
 *
 * <p>A window's result is emitted when the watermark passes its end. A transaction that arrives
 * after that but less than the allowed lateness after the window's end is added, and the window's
 * updated result is emitted again at once (so a window can have several results; the last one
 * counts). Transactions later than that go to the side output {@link #LATE}.
 */
public final class SalesAggregation {
  public static final String JOB_NAME = "Sluice example: sales per category";
  public static final Duration WINDOW = Duration.ofMinutes(5);
  public static final Duration ALLOWED_LATENESS = Duration.ofMinutes(1);
  /** Transactions that came after their window's allowed lateness. */
  public static final OutputTag<SalesTransaction> LATE = new OutputTag<SalesTransaction>("late-sales") {};

  private SalesAggregation() {}

  /** Count and sum of a window's transactions; the sum in cents, so it is exact in any order. */
  public record Totals(long count, long cents) {}

  /** Sums transactions into {@link Totals}, incrementally. */
  public static final class SumSales implements AggregateFunction<SalesTransaction, Totals, Totals> {
    private static final long serialVersionUID = 1L;

    @Override
    public Totals createAccumulator() {
      return new Totals(0, 0);
    }

    @Override
    public Totals add(SalesTransaction tx, Totals acc) {
      return new Totals(acc.count() + 1, acc.cents() + tx.cents());
    }

    @Override
    public Totals getResult(Totals acc) {
      return acc;
    }

    @Override
    public Totals merge(Totals a, Totals b) {
      return new Totals(a.count() + b.count(), a.cents() + b.cents());
    }
  }

  /** Turns a window's {@link Totals} into a {@link CategorySales} with the category and window. */
  public static final class ToCategorySales
      extends ProcessWindowFunction<Totals, CategorySales, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String category, Context context, Iterable<Totals> totals,
        Collector<CategorySales> out) {
      TimeWindow window = context.window();
      for (Totals t : totals) { // exactly one: the aggregate
        out.collect(new CategorySales(category, window.getStart(), window.getEnd(), t.count(),
            t.cents() / 100.0));
      }
    }
  }

  /**
   * The sales per category and 5-minute window of {@code transactions}, which must carry event
   * timestamps and watermarks. Transactions too late even for the allowed lateness go to {@link
   * #LATE} on the returned stream.
   */
  public static SingleOutputStreamOperator<CategorySales> build(DataStream<SalesTransaction> transactions) {
    return build(transactions, WINDOW, ALLOWED_LATENESS);
  }

  /** Like {@link #build(DataStream)} with another window size and allowed lateness. */
  public static SingleOutputStreamOperator<CategorySales> build(DataStream<SalesTransaction> transactions,
      Duration window, Duration allowedLateness) {
    return transactions
        .keyBy(SalesTransaction::category)
        .window(TumblingEventTimeWindows.of(window))
        .allowedLateness(allowedLateness)
        .sideOutputLateData(LATE)
        .aggregate(new SumSales(), new ToCategorySales())
        .name("Sales per category and window");
  }

  /**
   * Generated transactions, with timestamps and (periodic) watermarks. The source runs as one reader, so
   * event time advances with the generated index (parallel readers would read far-apart index
   * ranges at once, and the slowest would hold the watermark back so that nothing is ever late).
   */
  public static DataStream<SalesTransaction> generated(StreamExecutionEnvironment env, ExampleOptions options) {
    TypeInformation<SalesTransaction> type = TypeInformation.of(SalesTransaction.class);
    DataGeneratorSource<SalesTransaction> source = new DataGeneratorSource<>(
        new SalesGenerator(options.outOfOrdernessMillis(), options.anomalyRate()),
        options.events(), UseCases.rateLimiter(options), type);
    WatermarkStrategy<SalesTransaction> watermarks = WatermarkStrategy
        .<SalesTransaction>forBoundedOutOfOrderness(Duration.ofMillis(options.outOfOrdernessMillis()))
        .withTimestampAssigner((tx, ts) -> tx.timestamp());
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Sales", type).setParallelism(1)
        .assignTimestampsAndWatermarks(watermarks).name("Event time").setParallelism(1);
  }

  /** Adds the example on generated data, printing window results and late sales, to {@code env}. */
  public static void define(StreamExecutionEnvironment env, ExampleOptions options) {
    SingleOutputStreamOperator<CategorySales> sales = build(generated(env, options));
    DataStream<Line> lines = sales.map(s -> new Line("SALES", s.describe())).returns(Line.class)
        .union(sales.getSideOutput(LATE).map(tx -> new Line("LATE", tx.toString())).returns(Line.class));
    lines.sinkTo(new ResultPrinter(options.out(), "SALES", "LATE")).name("Print").setParallelism(1);
  }

  /** Runs the example: {@code [events [rate]]} (default 20,000 events, as fast as possible). */
  public static void main(String[] args) throws Exception {
    ExampleOptions options = UseCases.mainOptions(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define(env, options);
    env.execute(JOB_NAME);
  }
}
