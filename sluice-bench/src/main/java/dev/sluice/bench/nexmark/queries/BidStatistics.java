package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Bid;
import java.io.Serializable;

/**
 * The accumulator of queries 15 and 16: counts of bids (index 0 the total, 1 to 3 the ranks), and
 * distinct bidders and auctions, in total and per {@link PriceRank}; also the latest bid time and
 * the channel of the bids. A public POJO (public fields), so that the windows
 * holding it can be checkpointed.
 */
public final class BidStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  public long[] bids = new long[4];
  public RankedLongSet bidders = new RankedLongSet();
  public RankedLongSet auctions = new RankedLongSet();
  public long latest = Long.MIN_VALUE;
  public String channel;

  void add(Bid b) {
    int rank = PriceRank.of(b.price);
    bids[0]++;
    bids[rank]++;
    bidders.add(b.bidder, rank);
    auctions.add(b.auction, rank);
    latest = Math.max(latest, b.dateTime);
    channel = b.channel;
  }

  /** Adds {@code other}'s bids to these. */
  BidStatistics merge(BidStatistics other) {
    for (int i = 0; i < 4; i++) {
      bids[i] += other.bids[i];
    }
    bidders.addAll(other.bidders);
    auctions.addAll(other.auctions);
    latest = Math.max(latest, other.latest);
    if (channel == null) {
      channel = other.channel;
    }
    return this;
  }
}
