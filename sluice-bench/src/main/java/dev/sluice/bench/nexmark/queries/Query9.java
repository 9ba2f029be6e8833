package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * Query 9, winning bids: each auction with its winning bid, the highest bid placed during its life
 * ({@code auction.dateTime <= bid.dateTime <= auction.expires}), the earliest of equal ones.
 *
 * <p>The SQL ({@code ROW_NUMBER() ... = 1}) keeps an updating result: a new row whenever an
 * auction's best bid changes. Here an auction's winner is emitted once, final, when the auction
 * closes (the watermark passes {@code expires}); see {@link WinningBids}. At the end of a bounded
 * input both give the same rows.
 */
public final class Query9 implements NexmarkQuery {
  @Override
  public String name() {
    return "q9";
  }

  @Override
  public String description() {
    return "Winning bids: each auction with its highest bid";
  }

  @Override
  public DataStream<WinningBid> build(DataStream<Event> events, QueryContext context) {
    return WinningBids.of(events);
  }
}
