package dev.sluice.bench.nexmark.queries;

import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;

/** Labels a window's bid count with the bidder and the window (queries 11 and 12). */
final class CountPerBidder extends ProcessWindowFunction<Long, BidderCount, Long, TimeWindow> {
  private static final long serialVersionUID = 1L;

  @Override
  public void process(Long bidder, Context ctx, Iterable<Long> counts, Collector<BidderCount> out) {
    out.collect(new BidderCount(bidder, counts.iterator().next(), ctx.window().getStart(),
        ctx.window().getEnd()));
  }
}
