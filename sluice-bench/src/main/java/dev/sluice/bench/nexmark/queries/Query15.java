package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;

/**
 * Query 15, bidding statistics report: per day (UTC), the number of bids and of distinct bidders
 * and auctions, in total and per price rank (below 10,000; below 1,000,000; above).
 *
 * <p>The SQL is an updating aggregation grouped by the day; here a day is a tumbling event-time
 * window and its row is emitted once, when the watermark passes the day's end (for a bounded input,
 * at its end). Like the SQL's grouping by day alone, all bids of a day meet in one instance (the
 * window is not keyed). Distinct counts use primitive hash sets ({@link RankedLongSet}).
 */
public final class Query15 implements NexmarkQuery {
  /** The statistics of one day. */
  public record Result(String day, long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
      long totalBidders, long rank1Bidders, long rank2Bidders, long rank3Bidders,
      long totalAuctions, long rank1Auctions, long rank2Auctions, long rank3Auctions) {}

  @Override
  public String name() {
    return "q15";
  }

  @Override
  public String description() {
    return "Bidding statistics report: bids, bidders and auctions per day and price rank";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new DailyStatistics()).name("q15 Daily statistics");
  }

  /** Counts a day's bids. */
  static final class DailyStatistics implements AggregateFunction<Bid, BidStatistics, Result> {
    private static final long serialVersionUID = 1L;

    @Override
    public BidStatistics createAccumulator() {
      return new BidStatistics();
    }

    @Override
    public BidStatistics add(Bid bid, BidStatistics acc) {
      acc.add(bid);
      return acc;
    }

    @Override
    public Result getResult(BidStatistics s) {
      return new Result(Times.day(s.latest), s.bids[0], s.bids[1], s.bids[2], s.bids[3],
          s.bidders.size(), s.bidders.size(1), s.bidders.size(2), s.bidders.size(3),
          s.auctions.size(), s.auctions.size(1), s.auctions.size(2), s.auctions.size(3));
    }

    @Override
    public BidStatistics merge(BidStatistics a, BidStatistics b) {
      return a.merge(b);
    }
  }
}
