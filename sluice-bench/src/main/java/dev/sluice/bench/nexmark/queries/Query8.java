package dev.sluice.bench.nexmark.queries;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.bench.nexmark.model.Auction;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.model.Person;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.sluice.util.Collector;

/**
 * Query 8, monitor new users: people who joined and created an auction in the same 10-second
 * tumbling window of event time, once per person and window, with the window's start.
 *
 * <p>An incremental join keyed by person id rather than a window join: a person waits until the
 * end of its window for an auction of its, and the windows in which a seller created auctions are
 * remembered until their end for a person who arrives later. So a row is emitted as soon as both
 * sides have arrived, where the SQL (a join of two window aggregations) emits it at the window's
 * end; the rows are the same. No element is kept in state, only a name and window starts.
 */
public final class Query8 implements NexmarkQuery {
  /** The window length. */
  static final long WINDOW = 10_000;

  /** A new person who created an auction in the window starting at {@code starttime}. */
  public record Result(long id, String name, long starttime) {}

  @Override
  public String name() {
    return "q8";
  }

  @Override
  public String description() {
    return "Monitor new users: people who created an auction in the 10 s window they joined in";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.persons(events).connect(Streams.auctions(events))
        .keyBy(p -> p.id, a -> a.seller)
        .process(new SameWindowJoin()).name("q8 New users");
  }

  static long windowStart(long time) {
    return time - Math.floorMod(time, WINDOW);
  }

  /** A person in the window it joined in; whether its row was emitted. */
  record Joined(String name, long windowStart, boolean emitted) {}

  /** Joins persons (first input) with the windows of their auctions (second input). */
  static final class SameWindowJoin extends KeyedCoProcessFunction<Long, Person, Auction, Result> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Joined> person;
    private transient MapState<Long, Boolean> auctionWindows;

    @Override
    public void open(OpenContext openContext) {
      person = getRuntimeContext().getState(new ValueStateDescriptor<>("person", Joined.class));
      auctionWindows = getRuntimeContext().getMapState(
          new MapStateDescriptor<>("auction-windows", Long.class, Boolean.class));
    }

    @Override
    public void processElement1(Person p, Context ctx, Collector<Result> out) throws Exception {
      long start = windowStart(p.dateTime);
      boolean matched = auctionWindows.contains(start);
      if (matched) {
        out.collect(new Result(p.id, p.name, start));
      }
      person.update(new Joined(p.name, start, matched));
      ctx.timerService().registerEventTimeTimer(start + WINDOW - 1);
    }

    @Override
    public void processElement2(Auction a, Context ctx, Collector<Result> out) throws Exception {
      long start = windowStart(a.dateTime);
      Joined p = person.value();
      if (p != null && p.windowStart() == start) {
        if (!p.emitted()) {
          out.collect(new Result(ctx.getCurrentKey(), p.name(), start));
          person.update(new Joined(p.name(), start, true));
        }
      } else if (!auctionWindows.contains(start)) {
        auctionWindows.put(start, Boolean.TRUE);
        ctx.timerService().registerEventTimeTimer(start + WINDOW - 1);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Result> out) throws Exception {
      long start = timestamp + 1 - WINDOW;
      auctionWindows.remove(start);
      Joined p = person.value();
      if (p != null && p.windowStart() <= start) {
        person.clear();
      }
    }
  }
}
