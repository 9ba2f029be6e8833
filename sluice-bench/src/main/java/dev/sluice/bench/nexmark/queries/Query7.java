package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.util.Collector;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Query 7, highest bid: for each 10-second tumbling window of event time, the bids with the
 * window's highest price (all of them on a tie).
 *
 * <p>Two steps: the bids are spread over {@value #SPREAD} keys by their time (so the first step is
 * balanced whatever the hot auctions and bidders), each key keeps its highest bids per window;
 * then those meet in one instance keyed by the window, which keeps the overall highest and emits
 * them when the watermark passes the window's end. The SQL joins the window's maximum back to
 * the bids with {@code dateTime BETWEEN window_end - 10 s AND window_end}, both ends included, so
 * a bid at exactly the next window's start with the same price would also be a row of this
 * window; here a bid only counts in its own window.
 */
public final class Query7 implements NexmarkQuery {
  static final Duration WINDOW = Duration.ofSeconds(10);
  /** The number of keys of the first step. */
  static final int SPREAD = 64;

  /** A bid with its window's highest price. */
  public record Result(long auction, long bidder, long price, long dateTime, String extra) {}

  /** The highest-priced bids of (part of) a window. */
  record Highest(long price, List<Bid> bids) implements Serializable {}

  @Override
  public String name() {
    return "q7";
  }

  @Override
  public String description() {
    return "Highest bid: the bids with the highest price per 10 s window";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> (int) Math.floorMod(b.dateTime, SPREAD))
        .window(TumblingEventTimeWindows.of(WINDOW))
        .aggregate(new HighestBids()).name("q7 Highest per part")
        .keyBy(h -> windowStart(h.bids().get(0).dateTime))
        .process(new HighestOfWindow()).name("q7 Highest per window");
  }

  static long windowStart(long time) {
    return time - Math.floorMod(time, WINDOW.toMillis());
  }

  /** Keeps the highest price and the bids that have it. */
  static final class HighestBids implements AggregateFunction<Bid, Top, Highest> {
    private static final long serialVersionUID = 1L;

    @Override
    public Top createAccumulator() {
      return new Top();
    }

    @Override
    public Top add(Bid bid, Top acc) {
      acc.offer(bid.price, bid);
      return acc;
    }

    @Override
    public Highest getResult(Top acc) {
      return new Highest(acc.price, List.copyOf(acc.bids));
    }

    @Override
    public Top merge(Top a, Top b) {
      for (Bid bid : b.bids) {
        a.offer(b.price, bid);
      }
      return a;
    }
  }

  /** The highest price so far and its bids. */
  public static final class Top implements Serializable {
    private static final long serialVersionUID = 1L;

    public long price = Long.MIN_VALUE;
    public List<Bid> bids = new ArrayList<>();

    void offer(long p, Bid bid) {
      if (p > price) {
        price = p;
        bids.clear();
      }
      if (p == price) {
        bids.add(bid);
      }
    }
  }

  /** Combines the parts of a window and emits its highest bids when it is complete. */
  static final class HighestOfWindow extends KeyedProcessFunction<Long, Highest, Result> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Top> top;

    @Override
    public void open(OpenContext openContext) {
      top = getRuntimeContext().getState(new ValueStateDescriptor<>("top", Top.class));
    }

    @Override
    public void processElement(Highest h, Context ctx, Collector<Result> out) throws Exception {
      Top t = top.value();
      if (t == null) {
        t = new Top();
        ctx.timerService().registerEventTimeTimer(ctx.getCurrentKey() + WINDOW.toMillis() - 1);
      }
      for (Bid bid : h.bids()) {
        t.offer(h.price(), bid);
      }
      top.update(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Result> out) throws Exception {
      for (Bid b : top.value().bids) {
        out.collect(new Result(b.auction, b.bidder, b.price, b.dateTime, b.extra));
      }
      top.clear();
    }
  }
}
