package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import java.time.Duration;

/**
 * Query 11, user sessions: the number of bids of each bidder per session, a session ending after
 * 10 seconds of event time without a bid. A session's row is emitted when the watermark passes its
 * end; {@code endtime} is the last bid's time plus the gap, as the SQL's {@code SESSION_END}.
 */
public final class Query11 implements NexmarkQuery {
  /** The session gap. */
  static final Duration GAP = Duration.ofSeconds(10);

  @Override
  public String name() {
    return "q11";
  }

  @Override
  public String description() {
    return "User sessions: bids per bidder and session (10 s gap)";
  }

  @Override
  public DataStream<BidderCount> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> b.bidder)
        .window(EventTimeSessionWindows.withGap(GAP))
        .aggregate(new Count<>(), new CountPerBidder()).name("q11 Sessions");
  }
}
