package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins each auction with the bids placed during its life ({@code auction.dateTime <=
 * bid.dateTime <= auction.expires}), incrementally; inputs keyed by auction id. Subclasses say what
 * a valid bid and a closed auction produce.
 *
 * <p>State per auction, all dropped as event time passes (the input is never late for the
 * watermark):
 *
 * <ul>
 *   <li>The auction, from its arrival until the watermark passes {@code expires}, when it closes
 *       ({@link #onClose}); then a closed marker for as long again as the auction ran, so the many
 *       bids that still come for a hot auction after it closed are dropped at once.
 *   <li>Bids that arrive before their auction (parallel sources interleave), until the auction
 *       comes or the watermark passes the bid: an auction that comes later opens after the bid
 *       (Nexmark bids on auctions up to ten ahead of the newest). Bids for an auction forgotten
 *       after its marker are kept that long too, then dropped.
 * </ul>
 *
 * @param <OUT> what the join produces
 */
abstract class AuctionLifeJoin<OUT> extends KeyedCoProcessFunction<Long, Auction, Bid, OUT> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<Entry> auction;
  private transient ListState<Bid> early;

  /** An auction, open or closed. */
  record Entry(Auction auction, boolean closed) {
    long forgetAt() {
      return auction.expires + Math.max(1, auction.expires - auction.dateTime);
    }
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", Entry.class));
    early = getRuntimeContext().getListState(new ListStateDescriptor<>("early-bids", Bid.class));
  }

  /** A bid placed during the life of {@code auction}. */
  protected abstract void onValidBid(Auction auction, Bid bid, Collector<OUT> out) throws Exception;

  /** The watermark passed the end of {@code auction}: no more bids for it. */
  protected abstract void onClose(Auction auction, Collector<OUT> out) throws Exception;

  @Override
  public void processElement1(Auction a, Context ctx, Collector<OUT> out) throws Exception {
    auction.update(new Entry(a, false));
    ctx.timerService().registerEventTimeTimer(a.expires);
    Iterable<Bid> waiting = early.get();
    boolean any = false;
    for (Bid b : waiting) {
      any = true;
      if (isValid(a, b)) {
        onValidBid(a, b, out);
      }
    }
    if (any) {
      early.clear();
    }
  }

  @Override
  public void processElement2(Bid b, Context ctx, Collector<OUT> out) throws Exception {
    Entry e = auction.value();
    if (e == null) {
      early.add(b);
      ctx.timerService().registerEventTimeTimer(b.dateTime);
    } else if (!e.closed() && isValid(e.auction(), b)) {
      onValidBid(e.auction(), b, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    Entry e = auction.value();
    if (e == null) {
      dropEarlyBidsUpTo(timestamp);
    } else if (!e.closed()) {
      if (timestamp >= e.auction().expires) {
        onClose(e.auction(), out);
        Entry closed = new Entry(e.auction(), true);
        auction.update(closed);
        ctx.timerService().registerEventTimeTimer(closed.forgetAt());
      }
    } else if (timestamp >= e.forgetAt()) {
      auction.clear();
    }
  }

  /**
   * The watermark passed {@code time} and the auction has not come: it opens after the watermark,
   * so the bids placed up to then are not during its life.
   */
  private void dropEarlyBidsUpTo(long time) throws Exception {
    List<Bid> later = new ArrayList<>();
    for (Bid b : early.get()) {
      if (b.dateTime > time) {
        later.add(b);
      }
    }
    early.update(later);
  }

  static boolean isValid(Auction a, Bid b) {
    return b.dateTime >= a.dateTime && b.dateTime <= a.expires;
  }
}
