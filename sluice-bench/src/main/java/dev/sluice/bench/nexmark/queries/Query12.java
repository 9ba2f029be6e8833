package dev.sluice.bench.nexmark.queries;

import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import java.time.Duration;

/**
 * Query 12, processing-time windows: the number of bids of each bidder per 10-second tumbling
 * window of processing time (the job's clock), with the window's start and end.
 *
 * <p>As in Flink, processing-time windows fire only as the clock passes their end: when a bounded
 * input ends, the windows still open are dropped, not fired.
 */
public final class Query12 implements NexmarkQuery {
  /** The window length. */
  static final Duration WINDOW = Duration.ofSeconds(10);

  @Override
  public String name() {
    return "q12";
  }

  @Override
  public String description() {
    return "Processing-time windows: bids per bidder per 10 s of processing time";
  }

  @Override
  public DataStream<BidderCount> build(DataStream<Event> events, QueryContext context) {
    return Streams.bids(events)
        .keyBy(b -> b.bidder)
        .window(TumblingProcessingTimeWindows.of(WINDOW))
        .aggregate(new Count<>(), new CountPerBidder()).name("q12 Processing-time windows");
  }
}
