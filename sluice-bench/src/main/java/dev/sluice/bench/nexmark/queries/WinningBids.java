package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.util.Collector;

/**
 * The winning bid of each auction, the core of queries 4, 6 and 9: the highest bid placed during
 * the auction's life, the earliest of equal ones. An auction's winner is emitted once, when it
 * closes (the watermark passes {@code expires}), with the close time as timestamp; auctions without
 * a valid bid have none.
 */
final class WinningBids extends AuctionLifeJoin<WinningBid> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<Bid> best;

  /** The winners of the auctions of {@code events}. */
  static DataStream<WinningBid> of(DataStream<Event> events) {
    return Streams.auctions(events).connect(Streams.bids(events))
        .keyBy(a -> a.id, b -> b.auction)
        .process(new WinningBids()).name("Winning bids");
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    best = getRuntimeContext().getState(new ValueStateDescriptor<>("best-bid", Bid.class));
  }

  @Override
  protected void onValidBid(Auction auction, Bid bid, Collector<WinningBid> out) throws Exception {
    Bid current = best.value();
    if (current == null || bid.price > current.price
        || bid.price == current.price && bid.dateTime < current.dateTime) {
      best.update(bid);
    }
  }

  @Override
  protected void onClose(Auction auction, Collector<WinningBid> out) throws Exception {
    Bid winner = best.value();
    if (winner != null) {
      out.collect(new WinningBid(auction, winner));
      best.clear();
    }
  }
}
