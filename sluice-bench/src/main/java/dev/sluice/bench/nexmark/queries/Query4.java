package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;

/**
 * Query 4, average price for a category: the average winning price of the auctions of each
 * category, updated as auctions close.
 *
 * <p>The winning bid of an auction is its highest bid placed during its life ({@link
 * WinningBids}), known when the auction closes. Each closed auction with a winner updates its
 * category's average, which is emitted: an updating result, the last row per category being the
 * current one. The SQL's inner join and aggregation also count auctions that are still open, with
 * their best bid so far, and retract as it changes; at the end of a bounded input (every auction
 * closed) the last rows are the same. As in the SQL ({@code AVG} over {@code BIGINT}) the average
 * is a truncated {@code long}.
 */
public final class Query4 implements NexmarkQuery {
  /** The average winning price of a category's closed auctions so far. */
  public record Result(long category, long averagePrice) {}

  @Override
  public String name() {
    return "q4";
  }

  @Override
  public String description() {
    return "Average price for a category: average winning bid of closed auctions";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return WinningBids.of(events)
        .keyBy(w -> w.auction().category)
        .process(new AveragePerCategory()).name("q4 Average per category");
  }

  /** Keeps the sum and count of winning prices per category. */
  static final class AveragePerCategory extends KeyedProcessFunction<Long, WinningBid, Result> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<long[]> sumAndCount;

    @Override
    public void open(OpenContext openContext) {
      sumAndCount = getRuntimeContext().getState(
          new ValueStateDescriptor<>("sum-and-count", long[].class));
    }

    @Override
    public void processElement(WinningBid w, Context ctx, Collector<Result> out) throws Exception {
      long[] s = sumAndCount.value();
      if (s == null) {
        s = new long[2];
      }
      s[0] += w.bid().price;
      s[1]++;
      sumAndCount.update(s);
      out.collect(new Result(ctx.getCurrentKey(), s[0] / s[1]));
    }
  }
}
