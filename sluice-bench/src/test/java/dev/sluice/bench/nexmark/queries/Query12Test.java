package dev.sluice.bench.nexmark.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.bench.nexmark.model.Bid;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.bench.nexmark.source.NexmarkSource;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.test.CapturedStream;
import dev.sluice.test.ManualClock;
import dev.sluice.test.SluiceTestKit;
import dev.sluice.util.Collector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Query 12 on processing time: which window a bid lands in depends on when it is processed, so
 * this checks what does not: every bid is counted once, for its bidder, in an aligned 10 s window.
 *
 * <p>Processing-time windows still open when a bounded input ends are dropped (as in Flink), so
 * the job is kept running by a second input that never ends, while the test moves the job's
 * manual clock on by a window at a time until every bid has been counted.
 */
class Query12Test {
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void countsEveryBidOnceForItsBidderInAlignedWindows(int parallelism) throws Exception {
    List<Bid> bids = StatelessQueriesTest.bids(QueryRun.events(QueryRun.CONFIG));
    Map<Long, Long> expected = new HashMap<>();
    for (Bid b : bids) {
      expected.merge(b.bidder, 1L, Long::sum);
    }

    StreamExecutionEnvironment env = SluiceTestKit.environment(parallelism);
    ManualClock clock = SluiceTestKit.clockOf(env);
    DataStream<Event> events = env
        .fromSource(new NexmarkSource(QueryRun.CONFIG), WatermarkStrategy.noWatermarks(), "Nexmark")
        .assignTimestampsAndWatermarks(WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(500)));
    DataStream<Event> neverEnding = env
        .fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1),
            Types.LONG), WatermarkStrategy.noWatermarks(), "Keep alive")
        .flatMap((Long i, Collector<Event> out) -> {}).returns(Event.class);
    CapturedStream<BidderCount> counts = SluiceTestKit.capture(new Query12()
        .build(events.union(neverEnding), QueryContext.defaults(Path.of("unused"))));

    JobClient job = env.executeAsync();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (total(counts.values()) < bids.size() && System.nanoTime() < deadline) {
        clock.advance(Query12.WINDOW);
        Thread.sleep(50);
      }
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
    }

    Map<Long, Long> perBidder = new HashMap<>();
    for (BidderCount c : counts.values()) {
      perBidder.merge(c.bidder(), c.bidCount(), Long::sum);
    }
    QueryRun.assertSame(perBidder, expected);
    assertThat(counts.values()).allSatisfy(c -> {
      assertThat(c.endtime() - c.starttime()).isEqualTo(Query12.WINDOW.toMillis());
      assertThat(c.starttime() % Query12.WINDOW.toMillis()).isZero();
      assertThat(c.bidCount()).isPositive();
    });
  }

  private static long total(List<BidderCount> counts) {
    return counts.stream().mapToLong(BidderCount::bidCount).sum();
  }
}
