package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.io.Serializable;
import java.time.Duration;

/**
 * Query 17, auction statistics report: per auction and day (UTC), the number of bids in total and
 * per price rank, and the minimum, maximum, average and sum of their prices.
 *
 * <p>The SQL is an updating aggregation grouped by auction and day; here the bids are keyed by
 * auction, a day is a tumbling event-time window, and each row is emitted once, when the watermark
 * passes the day's end (for a bounded input, at its end). The average is a truncated {@code long},
 * as the SQL's {@code AVG} over {@code BIGINT}.
 */
public final class Query17 implements NexmarkQuery {
  /** The statistics of one auction on one day. */
  public record Result(long auction, String day, long totalBids, long rank1Bids, long rank2Bids,
      long rank3Bids, long minPrice, long maxPrice, long avgPrice, long sumPrice) {}

  @Override
  public String name() {
    return "q17";
  }

  @Override
  public String description() {
    return "Auction statistics report: bids and prices per auction and day";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> b.auction)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new AuctionStatistics()).name("q17 Auction statistics");
  }

  /** The running statistics of an auction's bids of a day (a public POJO: windows checkpoint it). */
  public static final class Statistics implements Serializable {
    private static final long serialVersionUID = 1L;

    public long auction;
    public long latest = Long.MIN_VALUE;
    public long[] bids = new long[4]; // total, then per rank
    public long min = Long.MAX_VALUE;
    public long max = Long.MIN_VALUE;
    public long sum;
  }

  /** Aggregates an auction's bids of a day. */
  static final class AuctionStatistics implements AggregateFunction<Bid, Statistics, Result> {
    private static final long serialVersionUID = 1L;

    @Override
    public Statistics createAccumulator() {
      return new Statistics();
    }

    @Override
    public Statistics add(Bid b, Statistics s) {
      s.auction = b.auction;
      s.latest = Math.max(s.latest, b.dateTime);
      s.bids[0]++;
      s.bids[PriceRank.of(b.price)]++;
      s.min = Math.min(s.min, b.price);
      s.max = Math.max(s.max, b.price);
      s.sum += b.price;
      return s;
    }

    @Override
    public Result getResult(Statistics s) {
      return new Result(s.auction, Times.day(s.latest), s.bids[0], s.bids[1], s.bids[2], s.bids[3],
          s.min, s.max, s.sum / s.bids[0], s.sum);
    }

    @Override
    public Statistics merge(Statistics a, Statistics b) {
      if (b.bids[0] > 0) {
        a.auction = b.auction;
      }
      a.latest = Math.max(a.latest, b.latest);
      for (int i = 0; i < 4; i++) {
        a.bids[i] += b.bids[i];
      }
      a.min = Math.min(a.min, b.min);
      a.max = Math.max(a.max, b.max);
      a.sum += b.sum;
      return a;
    }
  }
}
