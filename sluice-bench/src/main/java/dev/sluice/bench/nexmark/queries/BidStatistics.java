package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Bid;
import java.io.Serializable;

/**
 * The accumulator of queries 15 and 16: counts of bids, and distinct bidders and auctions, in
 * total and per {@link PriceRank}; also the latest bid time and the channel of the bids. Index 0
 * of each array is the total, 1 to 3 the ranks. A public POJO (public fields), so that the windows
 * holding it can be checkpointed.
 */
public final class BidStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  public long[] bids = new long[4];
  public LongSet[] bidders = sets();
  public LongSet[] auctions = sets();
  public long latest = Long.MIN_VALUE;
  public String channel;

  void add(Bid b) {
    int rank = PriceRank.of(b.price);
    bids[0]++;
    bids[rank]++;
    bidders[0].add(b.bidder);
    bidders[rank].add(b.bidder);
    auctions[0].add(b.auction);
    auctions[rank].add(b.auction);
    latest = Math.max(latest, b.dateTime);
    channel = b.channel;
  }

  /** Adds {@code other}'s bids to these. */
  BidStatistics merge(BidStatistics other) {
    for (int i = 0; i < 4; i++) {
      bids[i] += other.bids[i];
      bidders[i].addAll(other.bidders[i]);
      auctions[i].addAll(other.auctions[i]);
    }
    latest = Math.max(latest, other.latest);
    if (channel == null) {
      channel = other.channel;
    }
    return this;
  }

  private static LongSet[] sets() {
    return new LongSet[] {new LongSet(), new LongSet(), new LongSet(), new LongSet()};
  }
}
