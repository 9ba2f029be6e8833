package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;

/**
 * Query 16, channel statistics report: per channel and day (UTC), the latest minute ({@code
 * HH:mm}) with a bid and the number of bids and of distinct bidders and auctions, in total and per
 * price rank.
 *
 * <p>The SQL is an updating aggregation grouped by channel and day; here the bids are keyed by
 * channel, a day is a tumbling event-time window, and each row is emitted once, when the watermark
 * passes the day's end (for a bounded input, at its end). The SQL's {@code max(DATE_FORMAT(dateTime,
 * 'HH:mm'))} is the minute of the latest bid.
 */
public final class Query16 implements NexmarkQuery {
  /** The statistics of one channel on one day. */
  public record Result(String channel, String day, String minute, long totalBids, long rank1Bids,
      long rank2Bids, long rank3Bids, long totalBidders, long rank1Bidders, long rank2Bidders,
      long rank3Bidders, long totalAuctions, long rank1Auctions, long rank2Auctions,
      long rank3Auctions) {}

  @Override
  public String name() {
    return "q16";
  }

  @Override
  public String description() {
    return "Channel statistics report: bids, bidders and auctions per channel, day and price rank";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> b.channel)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new ChannelStatistics()).name("q16 Channel statistics");
  }

  /** Counts a channel's bids of a day. */
  static final class ChannelStatistics implements AggregateFunction<Bid, BidStatistics, Result> {
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
      return new Result(s.channel, Times.day(s.latest), Times.hourMinute(s.latest), s.bids[0],
          s.bids[1], s.bids[2], s.bids[3], s.bidders.size(), s.bidders.size(1),
          s.bidders.size(2), s.bidders.size(3), s.auctions.size(), s.auctions.size(1),
          s.auctions.size(2), s.auctions.size(3));
    }

    @Override
    public BidStatistics merge(BidStatistics a, BidStatistics b) {
      return a.merge(b);
    }
  }
}
