package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.ProcessFunction;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.util.Collector;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Query 5, hot items: for each sliding window of 10 seconds every 2 seconds of event time, the
 * auctions with the most bids in it (all of them on a tie), with that number and the window.
 *
 * <p>Two steps: bids are counted per auction and window (incrementally, one count per 2-second
 * slice), then the counts of a window meet in one instance keyed by the window's end, which keeps
 * the highest count and its auctions and emits them when the watermark passes the window's end.
 */
public final class Query5 implements NexmarkQuery {
  static final Duration SIZE = Duration.ofSeconds(10);
  static final Duration SLIDE = Duration.ofSeconds(2);

  /** One of the auctions with the most bids in a window. */
  public record Result(long auction, long num, long windowStart, long windowEnd) {}

  /** An auction's bid count in the window ending at {@code windowEnd}. */
  record AuctionCount(long auction, long num, long windowEnd) {}

  @Override
  public String name() {
    return "q5";
  }

  @Override
  public String description() {
    return "Hot items: auctions with the most bids per 10 s window, every 2 s";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> b.auction)
        .window(SlidingEventTimeWindows.of(SIZE, SLIDE))
        .aggregate(new CountBids()).name("q5 Bids per auction")
        .process(new ProcessFunction<long[], AuctionCount>() {
          @Override
          public void processElement(long[] count, Context ctx, Collector<AuctionCount> out) {
            out.collect(new AuctionCount(count[0], count[1], ctx.timestamp() + 1));
          }
        }).name("q5 Window end")
        .keyBy(AuctionCount::windowEnd)
        .process(new Hottest()).name("q5 Hottest");
  }

  /** Counts an auction's bids: {@code {auction, count}}; a window's result is a new array. */
  static final class CountBids implements AggregateFunction<Bid, long[], long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Bid bid, long[] acc) {
      acc[0] = bid.auction;
      acc[1]++;
      return acc;
    }

    @Override
    public long[] getResult(long[] acc) {
      return acc.clone(); // the accumulator may live on in the window's slices
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] = b[0];
      a[1] += b[1];
      return a;
    }
  }

  /** The auctions with the highest count so far in a window. */
  /** Keyed state: a POJO (public class and fields), so checkpoints can encode it. */
  public static final class Leaders implements Serializable {
    private static final long serialVersionUID = 1L;

    public long num;
    public List<Long> auctions = new ArrayList<>();
  }

  /** Keeps a window's leaders and emits them when the window is complete. */
  static final class Hottest extends KeyedProcessFunction<Long, AuctionCount, Result> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Leaders> leaders;

    @Override
    public void open(OpenContext openContext) {
      leaders = getRuntimeContext().getState(new ValueStateDescriptor<>("leaders", Leaders.class));
    }

    @Override
    public void processElement(AuctionCount c, Context ctx, Collector<Result> out) throws Exception {
      Leaders l = leaders.value();
      if (l == null) {
        l = new Leaders();
        ctx.timerService().registerEventTimeTimer(c.windowEnd() - 1);
      }
      if (c.num() > l.num) {
        l.num = c.num();
        l.auctions.clear();
      }
      if (c.num() == l.num) {
        l.auctions.add(c.auction());
      }
      leaders.update(l);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Result> out) throws Exception {
      Leaders l = leaders.value();
      long end = ctx.getCurrentKey();
      for (Long auction : l.auctions) {
        out.collect(new Result(auction, l.num, end - SIZE.toMillis(), end));
      }
      leaders.clear();
    }
  }
}
