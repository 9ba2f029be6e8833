package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/** Query 2, selection: the auction and price of the bids on auctions whose id is a multiple of 123. */
public final class Query2 implements NexmarkQuery {
  /** A selected bid. */
  public record Result(long auction, long price) {}

  @Override
  public String name() {
    return "q2";
  }

  @Override
  public String description() {
    return "Selection: bids on auctions whose id is a multiple of 123";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .filter(b -> b.auction % 123 == 0).name("q2 Auction % 123")
        .map(b -> new Result(b.auction, b.price)).returns(Result.class).name("q2 Project");
  }
}
