package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;

/**
 * Query 6, average selling price by seller: for each seller, the average winning price of its last
 * {@value #LAST} closed auctions, updated as its auctions close.
 *
 * <p>Winning bids as in query 4 ({@link WinningBids}). "Last" is by closing time ({@code expires},
 * then auction id), whatever order the closed auctions arrive in from parallel instances, so the
 * result is deterministic. The standard's SQL is not supported by Flink SQL; it writes the window
 * as {@code ROWS BETWEEN 10 PRECEDING AND CURRENT ROW}, which is eleven rows, where the query's
 * description (and Beam's Nexmark) says ten: ten here. The average is a truncated {@code long},
 * as the SQL's {@code AVG} over {@code BIGINT}.
 */
public final class Query6 implements NexmarkQuery {
  /** How many closed auctions of a seller count. */
  static final int LAST = 10;

  /** A seller's average selling price over its last closed auctions. */
  public record Result(long seller, long averagePrice) {}

  @Override
  public String name() {
    return "q6";
  }

  @Override
  public String description() {
    return "Average selling price by seller: over its last 10 closed auctions";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return WinningBids.of(events)
        .keyBy(w -> w.auction().seller)
        .process(new LastClosedAverage()).name("q6 Average of last 10");
  }

  /** The latest closed auctions of a seller, ordered by closing time then id, oldest first. */
  public static final class Latest {
    public long[] expires = new long[LAST];
    public long[] ids = new long[LAST];
    public long[] prices = new long[LAST];
    public int size;

    /** Adds an auction if it is among the latest; whether it was. */
    boolean add(long expiresAt, long id, long price) {
      int at = size;
      while (at > 0 && isBefore(expiresAt, id, at - 1)) {
        at--;
      }
      if (size < LAST) {
        shiftRight(at);
        size++;
      } else if (at == 0) {
        return false; // older than every kept one
      } else {
        at--; // drop the oldest, insert before position at
        System.arraycopy(expires, 1, expires, 0, at);
        System.arraycopy(ids, 1, ids, 0, at);
        System.arraycopy(prices, 1, prices, 0, at);
      }
      expires[at] = expiresAt;
      ids[at] = id;
      prices[at] = price;
      return true;
    }

    long average() {
      long sum = 0;
      for (int i = 0; i < size; i++) {
        sum += prices[i];
      }
      return sum / size;
    }

    private boolean isBefore(long expiresAt, long id, int i) {
      return expiresAt < expires[i] || expiresAt == expires[i] && id < ids[i];
    }

    private void shiftRight(int from) {
      int n = size - from;
      System.arraycopy(expires, from, expires, from + 1, n);
      System.arraycopy(ids, from, ids, from + 1, n);
      System.arraycopy(prices, from, prices, from + 1, n);
    }
  }

  /** Keeps each seller's latest closed auctions and emits their average when it changes. */
  static final class LastClosedAverage extends KeyedProcessFunction<Long, WinningBid, Result> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Latest> latest;

    @Override
    public void open(OpenContext openContext) {
      latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", Latest.class));
    }

    @Override
    public void processElement(WinningBid w, Context ctx, Collector<Result> out) throws Exception {
      Latest l = latest.value();
      if (l == null) {
        l = new Latest();
      }
      if (l.add(w.auction().expires, w.auction().id, w.bid().price)) {
        latest.update(l);
        out.collect(new Result(ctx.getCurrentKey(), l.average()));
      }
    }
  }
}
