package dev.sluice.examples.demo;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.streaming.api.datastream.DataStreamSink;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The demo: a generated stream of orders, keyed by category, summed into running revenue per
 * category, and shown as a live table by {@link LiveRevenueSink}.
 *
 * <pre>
 *   orders (DataGeneratorSource, rate limited)
 *     -> map to CategoryRevenue(category, 1, amount)
 *     -> keyBy(category) -> reduce(add)            running totals per category
 *     -> LiveRevenueSink (parallelism 1)           latest totals, redrawn every 500 ms
 * </pre>
 */
public final class DemoJob {
  public static final String JOB_NAME = "Sluice demo: revenue per category";

  private DemoJob() {}

  /** Adds the demo's pipeline to {@code env}; run it with {@code env.execute()} or {@code executeAsync()}. */
  public static DataStreamSink<CategoryRevenue> build(StreamExecutionEnvironment env, DemoOptions options) {
    RateLimiterStrategy rate = options.rate() > 0
        ? RateLimiterStrategy.perSecond(options.rate())
        : RateLimiterStrategy.noOp();
    TypeInformation<Order> orderType = TypeInformation.of(Order.class);
    DataGeneratorSource<Order> orders =
        new DataGeneratorSource<>(new OrderGenerator(), options.events(), rate, orderType);
    return env.fromSource(orders, WatermarkStrategy.noWatermarks(), "Orders", orderType)
        .map(CategoryRevenue::of).returns(CategoryRevenue.class).name("Order to revenue")
        .keyBy(CategoryRevenue::category)
        .reduce(CategoryRevenue::add).name("Revenue per category")
        .sinkTo(new LiveRevenueSink(options.out(), options.bounded() ? options.events() : -1,
            options.ansi(), options.refreshMillis()))
        .name("Live revenue table")
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
