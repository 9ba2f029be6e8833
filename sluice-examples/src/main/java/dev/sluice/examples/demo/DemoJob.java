package dev.sluice.examples.demo;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.examples.usecases.sales.CategorySales;
import dev.sluice.examples.usecases.sales.SalesAggregation;
import dev.sluice.examples.usecases.sales.SalesTransaction;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.datastream.DataStreamSink;
import dev.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.time.Duration;

/**
 * The demo: a generated stream of orders, shown as a live view by {@link LiveRevenueSink} with
 * three sections.
 *
 * <pre>
 *   orders (DataGeneratorSource, rate limited, one reader: event time follows the index)
 *     -> event time: punctuated bounded out-of-orderness watermarks (2 s)
 *     |-> map to CategoryRevenue -> keyBy(category) -> reduce(add)      running totals per category
 *     |-> keyBy(category) -> 10 s tumbling event-time windows, 5 s allowed lateness
 *     |     -> revenue per category and window (updates re-emitted)    last closed windows
 *     |     -> late side output                                         late orders counted
 *     |     -> keyBy(category) -> RevenueJumpDetector                   alerts: revenue > 2x the window before
 *     -> LiveRevenueSink (parallelism 1)                                redrawn every 500 ms
 * </pre>
 *
 * <p>The source runs as one reader, with a watermark after every order, so that which orders are
 * late depends only on the generated data, never on how parallel readers interleave: the demo's
 * window counts are the same on every run.
 */
public final class DemoJob {
  public static final String JOB_NAME = "Sluice demo: revenue per category";
  /** Event-time window of the windowed view: 1,000 orders of event time. */
  public static final Duration WINDOW = Duration.ofSeconds(10);
  public static final Duration ALLOWED_LATENESS = Duration.ofSeconds(5);
  /** Alert when a window's revenue is above this many times the window before. */
  public static final double JUMP_FACTOR = 2.0;

  private DemoJob() {}

  /** The streams of the demo, before its sink. */
  public record Pipeline(DataStream<CategoryRevenue> running, SingleOutputStreamOperator<CategorySales> windows,
      DataStream<SalesTransaction> late, DataStream<RevenueAlert> alerts) {}

  /** The order as a sale for the windowed aggregation. */
  public static SalesTransaction toSale(Order order) {
    return new SalesTransaction(String.valueOf(order.orderId()), order.category(), order.amount(),
        order.timestampMillis());
  }

  /** Adds the demo's processing to {@code env} and returns its streams (no sink yet). */
  public static Pipeline pipeline(StreamExecutionEnvironment env, DemoOptions options) {
    RateLimiterStrategy rate = options.rate() > 0
        ? RateLimiterStrategy.perSecond(options.rate())
        : RateLimiterStrategy.noOp();
    TypeInformation<Order> orderType = TypeInformation.of(Order.class);
    DataGeneratorSource<Order> source =
        new DataGeneratorSource<>(new OrderGenerator(), options.events(), rate, orderType);
    long outOfOrderness = OrderGenerator.MAX_OUT_OF_ORDERNESS_MILLIS;
    DataStream<Order> orders = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Orders", orderType)
        .setParallelism(1)
        .assignTimestampsAndWatermarks(WatermarkStrategy
            .<Order>forGenerator(ctx -> new OrderWatermarks(outOfOrderness))
            .withTimestampAssigner((order, ts) -> order.timestampMillis()))
        .name("Event time")
        .setParallelism(1);

    DataStream<CategoryRevenue> running = orders
        .map(CategoryRevenue::of).returns(CategoryRevenue.class).name("Order to revenue")
        .keyBy(CategoryRevenue::category)
        .reduce(CategoryRevenue::add).name("Revenue per category");

    // parallelism 1 up to the keyBy, so each window sees the orders in the source's order
    DataStream<SalesTransaction> sales = orders.map(DemoJob::toSale).returns(SalesTransaction.class)
        .name("Order to sale").setParallelism(1);
    SingleOutputStreamOperator<CategorySales> windows =
        SalesAggregation.build(sales, WINDOW, ALLOWED_LATENESS);
    DataStream<RevenueAlert> alerts = windows
        .keyBy(CategorySales::category)
        .process(new RevenueJumpDetector(WINDOW.toMillis(), JUMP_FACTOR)).name("Revenue jump alerts");
    return new Pipeline(running, windows, windows.getSideOutput(SalesAggregation.LATE), alerts);
  }

  /** Adds the demo's pipeline to {@code env}; run it with {@code env.execute()} or {@code executeAsync()}. */
  public static DataStreamSink<DemoUpdate> build(StreamExecutionEnvironment env, DemoOptions options) {
    Pipeline p = pipeline(env, options);
    return p.running().map(DemoUpdate::of).returns(DemoUpdate.class).name("Running totals to view")
        .union(
            p.windows().map(DemoUpdate::of).returns(DemoUpdate.class).name("Windows to view"),
            p.alerts().map(DemoUpdate::of).returns(DemoUpdate.class).name("Alerts to view"),
            p.late().map(DemoUpdate::late).returns(DemoUpdate.class).name("Late orders to view"))
        .sinkTo(new LiveRevenueSink(options.out(), options.bounded() ? options.events() : -1,
            options.ansi(), options.refreshMillis()))
        .name("Live revenue view")
        .setParallelism(1);
  }

  /** Runs the demo: {@code [events [rate]]}. */
  public static void main(String[] args) throws Exception {
    DemoOptions options = new DemoOptions().ansi(System.console() != null);
    if (args.length > 0) {
      options.events(Long.parseLong(args[0]));
    }
    if (args.length > 1) {
      options.rate(Double.parseDouble(args[1]));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, options);
    env.execute(JOB_NAME);
  }
}
