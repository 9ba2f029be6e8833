package dev.sluice.bench.nexmark.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.queries.NexmarkQueries;
import dev.sluice.bench.nexmark.queries.NexmarkQuery;
import dev.sluice.bench.nexmark.queries.QueryContext;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Nexmark query runs with checkpointing on — checkpoints every few milliseconds, so they are
 * taken while the query's state (window contents and accumulators included) is full, and all of it
 * must encode — and emits as many records as without (q12 works in processing time, so only that it
 * runs is checked). With the harness' 10 s interval a small job ends before its first checkpoint,
 * which once hid window accumulators that could not be encoded until a 10 M-event run reached one.
 */
class QueriesWithCheckpointsTest {
  /** Small enough that a job of {@link #EVENTS} events takes several checkpoints. */
  private static final long INTERVAL_MILLIS = 10;
  private static final long EVENTS = 300_000;

  @TempDir Path dir;

  static Stream<String> queries() {
    return NexmarkQueries.all().stream().map(NexmarkQuery::name);
  }

  private long run(SluiceNexmarkEngine engine, String query, boolean checkpointing) throws Exception {
    NexmarkJob job = new NexmarkJob(query, 1, GeneratorConfig.builder().numEvents(EVENTS).firstEventRate(10_000).build(),
        checkpointing, QueryContext.defaults(dir.resolve(query + "-" + checkpointing)));
    return Long.parseLong(NexmarkRunOne.measure(engine, job, 0).get("outputRecords"));
  }

  @ParameterizedTest
  @MethodSource("queries")
  void runsWithCheckpointing(String query) throws Exception {
    SluiceNexmarkEngine engine = new SluiceNexmarkEngine(NexmarkQueries::byName, INTERVAL_MILLIS);
    long with = run(engine, query, true);
    assertThat(engine.completedCheckpoints()).as("checkpoints completed during the run").isPositive();
    if (!query.equals("q12")) {
      assertThat(with).isEqualTo(run(engine, query, false));
    }
  }
}
