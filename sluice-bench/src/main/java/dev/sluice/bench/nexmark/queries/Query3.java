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
 * <p>State: each such seller's name, city and state, kept for good (a seller may sell at any later
 * time, as in the SQL's join); and the ids of auctions whose seller has not arrived, until the
 * watermark passes the auction's time. That last bound relies on Nexmark's order: a person joins
 * before selling, so a seller missing then never comes (the input is never late for the watermark).
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
    DataStream<Person> persons = Streams.persons(events)
        .filter(p -> "OR".equals(p.state) || "ID".equals(p.state) || "CA".equals(p.state))
        .name("q3 OR, ID, CA");
    return auctions.connect(persons)
        .keyBy(a -> a.seller, p -> p.id)
        .process(new SellerJoin()).name("q3 Join sellers");
  }

  /** Where a seller lives. */
  record Seller(String name, String city, String state) {}

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
      if (s != null) {
        out.collect(new Result(s.name(), s.city(), s.state(), a.id));
      } else {
        waiting.add(a.id);
        ctx.timerService().registerEventTimeTimer(a.dateTime);
      }
    }

    @Override
    public void processElement2(Person p, Context ctx, Collector<Result> out) throws Exception {
      Seller s = new Seller(p.name, p.city, p.state);
      seller.update(s);
      boolean any = false;
      for (Long id : waiting.get()) {
        any = true;
        out.collect(new Result(s.name(), s.city(), s.state(), id));
      }
      if (any) {
        waiting.clear();
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Result> out) {
      waiting.clear(); // the watermark passed an auction: its seller is not one of ours
    }
  }
}
