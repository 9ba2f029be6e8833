package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;

/**
 * Query 0, pass through: every bid, unchanged. Measures the cost of taking the events in and
 * splitting them by type. (The SQL projects the bid's columns; here the bid itself is the row.)
 */
public final class Query0 implements NexmarkQuery {
  @Override
  public String name() {
    return "q0";
  }

  @Override
  public String description() {
    return "Pass through: every bid";
  }

  @Override
  public DataStream<Bid> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events);
  }
}
