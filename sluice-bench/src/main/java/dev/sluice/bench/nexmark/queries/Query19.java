package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.io.Serializable;

/**
 * Query 19, auction top-10 price: the {@value #TOP} highest bids of each auction, with their rank
 * (the SQL's {@code ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) <= 10}).
 *
 * <p>An updating result, as an upsert stream keyed by (auction, rank): when a bid enters an
 * auction's top 10 at rank r, the rows of ranks r and below are emitted with their new occupants
 * (the bids below move down one rank; the one pushed out of the top is not emitted again). The
 * last row per (auction, rank) is the current ranking. Bids of equal price rank in arrival order.
 * State per auction: its top 10, kept for good as in the SQL.
 */
public final class Query19 implements NexmarkQuery {
  /** How many bids of each auction are ranked. */
  static final int TOP = 10;

  /** A bid at a rank (1 is the highest) of its auction's top 10. */
  public record Result(Bid bid, long rankNumber) {}

  @Override
  public String name() {
    return "q19";
  }

  @Override
  public String description() {
    return "Auction top-10 price: the highest bids of each auction, ranked";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> b.auction)
        .process(new TopBids()).name("q19 Top 10");
  }

  /** An auction's highest bids, highest first. */
  public static final class Ranking implements Serializable {
    private static final long serialVersionUID = 1L;

    public Bid[] bids = new Bid[TOP];
    public int size;

    /** Puts {@code bid} in its place; its rank from 0, or -1 when it is not among the top. */
    int insert(Bid bid) {
      int at = size;
      while (at > 0 && bids[at - 1].price < bid.price) {
        at--;
      }
      if (at == TOP) {
        return -1;
      }
      int moved = Math.min(size, TOP - 1) - at;
      System.arraycopy(bids, at, bids, at + 1, moved);
      bids[at] = bid;
      size = Math.min(size + 1, TOP);
      return at;
    }
  }

  /** Keeps each auction's ranking and emits the ranks that change. */
  static final class TopBids extends KeyedProcessFunction<Long, Bid, Result> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Ranking> ranking;

    @Override
    public void open(OpenContext openContext) {
      ranking = getRuntimeContext().getState(new ValueStateDescriptor<>("ranking", Ranking.class));
    }

    @Override
    public void processElement(Bid bid, Context ctx, Collector<Result> out) throws Exception {
      Ranking r = ranking.value();
      if (r == null) {
        r = new Ranking();
      }
      int at = r.insert(bid);
      if (at < 0) {
        return;
      }
      ranking.update(r);
      for (int i = at; i < r.size; i++) {
        out.collect(new Result(r.bids[i], i + 1));
      }
    }
  }
}
