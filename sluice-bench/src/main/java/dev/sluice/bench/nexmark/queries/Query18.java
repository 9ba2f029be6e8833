package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;

/**
 * Query 18, find last bid: the latest bid of each bidder on each auction, by event time
 * (deduplication keeping the last row: the SQL's {@code ROW_NUMBER() OVER (PARTITION BY bidder,
 * auction ORDER BY dateTime DESC) = 1}).
 *
 * <p>An updating result: a bid is emitted when it becomes its (bidder, auction)'s latest, that is
 * when it is not older than the latest so far (a later bid at the same time replaces it, as in
 * Flink's keep-last deduplication); the last row emitted per (bidder, auction) is the current
 * one. State: the latest time per (bidder, auction), kept for good, as in the SQL.
 */
public final class Query18 implements NexmarkQuery {
  /** The key: a bidder and an auction. */
  record BidderAuction(long bidder, long auction) {}

  @Override
  public String name() {
    return "q18";
  }

  @Override
  public String description() {
    return "Find last bid: the latest bid per bidder and auction";
  }

  @Override
  public DataStream<Bid> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> new BidderAuction(b.bidder, b.auction))
        .process(new LatestBid()).name("q18 Last bid");
  }

  /** Emits a bid when it is the latest of its key. */
  static final class LatestBid extends KeyedProcessFunction<BidderAuction, Bid, Bid> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> latest;

    @Override
    public void open(OpenContext openContext) {
      latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", Long.class));
    }

    @Override
    public void processElement(Bid b, Context ctx, Collector<Bid> out) throws Exception {
      Long time = latest.value();
      if (time == null || b.dateTime >= time) {
        latest.update(b.dateTime);
        out.collect(b);
      }
    }
  }
}
