package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.model.Person;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.sluice.util.Collector;

/**
 * Query 3, local item suggestion: who sells in category 10 from Oregon, Idaho or California, and
 * which auctions: every category-10 auction joined with its seller when the seller lives in OR, ID
 * or CA, emitted as soon as both have arrived (an incremental join keyed by person id).
 *
 * <p>Every person goes into the join, not only those of the three states: an auction may come
 * before its seller (Nexmark draws sellers up to ten persons ahead of the newest), and knowing
 * that a seller lives elsewhere is what lets its auctions be dropped instead of waiting for good.
 * State: per person, where it lives (name, city and state for the three states, a mark for the
 * others), kept for good as in the SQL's join, since a seller may sell at any later time; and
 * the ids of category-10 auctions whose seller has not arrived yet.
 */
public final class Query3 implements NexmarkQuery {
  /** A seller and one of its auctions. */
  public record Result(String name, String city, String state, long id) {}

  @Override
  public String name() {
    return "q3";
  }

  @Override
  public String description() {
    return "Local item suggestion: category 10 auctions by sellers in OR, ID, CA";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    DataStream<Auction> auctions = Streams.auctions(events)
        .filter(a -> a.category == 10).name("q3 Category 10");
    return auctions.connect(Streams.persons(events))
        .keyBy(a -> a.seller, p -> p.id)
        .process(new SellerJoin()).name("q3 Join sellers");
  }

  /** Where a person lives; {@code local} when in OR, ID or CA, else only that is known. */
  record Seller(boolean local, String name, String city, String state) {
    static Seller of(Person p) {
      boolean local = "OR".equals(p.state) || "ID".equals(p.state) || "CA".equals(p.state);
      return local ? new Seller(true, p.name, p.city, p.state) : new Seller(false, null, null, null);
    }

    Result with(long auction) {
      return new Result(name, city, state, auction);
    }
  }

  /** Joins auctions (first input) with their sellers (second input). */
  static final class SellerJoin extends KeyedCoProcessFunction<Long, Auction, Person, Result> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Seller> seller;
    private transient ListState<Long> waiting;

    @Override
    public void open(OpenContext openContext) {
      seller = getRuntimeContext().getState(new ValueStateDescriptor<>("seller", Seller.class));
      waiting = getRuntimeContext().getListState(
          new ListStateDescriptor<>("waiting-auctions", Long.class));
    }

    @Override
    public void processElement1(Auction a, Context ctx, Collector<Result> out) throws Exception {
      Seller s = seller.value();
      if (s == null) {
        waiting.add(a.id);
      } else if (s.local()) {
        out.collect(s.with(a.id));
      }
    }

    @Override
    public void processElement2(Person p, Context ctx, Collector<Result> out) throws Exception {
      Seller s = Seller.of(p);
      seller.update(s);
      boolean any = false;
      for (Long id : waiting.get()) {
        any = true;
        if (s.local()) {
          out.collect(s.with(id));
        }
      }
      if (any) {
        waiting.clear();
      }
    }
  }
}
