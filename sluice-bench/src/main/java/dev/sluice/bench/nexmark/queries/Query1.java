package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * Query 1, currency conversion: every bid with its price converted from dollars to euros ({@code
 * 0.908 * price}). The SQL's {@code DECIMAL(23, 3)} price is a {@code double} here.
 */
public final class Query1 implements NexmarkQuery {
  /** Euros per dollar. */
  static final double EUROS_PER_DOLLAR = 0.908;

  /** A bid with its price in euros. */
  public record Result(long auction, long bidder, double price, long dateTime, String extra) {}

  @Override
  public String name() {
    return "q1";
  }

  @Override
  public String description() {
    return "Currency conversion: bid prices in euros";
  }

  @Override
  public DataStream<Result> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .map(b -> new Result(b.auction, b.bidder, EUROS_PER_DOLLAR * b.price, b.dateTime, b.extra))
        .returns(Result.class).name("q1 Euros");
  }
}
