package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.util.Collector;

/**
 * Query 20, expand bid with auction: every bid on an auction of category 10 placed during the
 * auction's life, with the auction, as soon as both have arrived (an incremental join keyed by
 * auction id, see {@link AuctionLifeJoin}).
 *
 * <p>The standard's SQL joins {@code bid.auction = auction.id} with no condition on time, which
 * needs both sides kept forever; this query restricts the join to bids placed while the auction
 * runs ({@code auction.dateTime <= bid.dateTime <= auction.expires}), so its state lasts as long as
 * the auctions do. Bids on expired auctions are therefore not in the result.
 */
public final class Query20 implements NexmarkQuery {
  /** The category whose auctions are joined. */
  static final long CATEGORY = 10;

  /** A bid with its auction. */
  public record Result(Bid bid, Auction auction) {}

  @Override
  public String name() {
    return "q20";
  }

  @Override
  public String description() {
    return "Expand bid with auction: bids on category 10 auctions with the auction";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.auctions(events).connect(Streams.bids(events))
        .keyBy(a -> a.id, b -> b.auction)
        .process(new ExpandBids()).name("q20 Expand bids");
  }

  /**
   * Emits valid bids on category 10 auctions. Auctions of other categories are kept too, so that
   * their bids are dropped at once rather than waiting for an auction that never comes.
   */
  static final class ExpandBids extends AuctionLifeJoin<Result> {
    private static final long serialVersionUID = 1L;

    @Override
    protected void onValidBid(Auction auction, Bid bid, Collector<Result> out) {
      if (auction.category == CATEGORY) {
        out.collect(new Result(bid, auction));
      }
    }

    @Override
    protected void onClose(Auction auction, Collector<Result> out) {}
  }
}
