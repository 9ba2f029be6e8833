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
 * Every Nexmark query runs with checkpointing on — all of its state can be encoded — and emits as
 * many records as without (q12 works in processing time, so only that it runs is checked).
 */
class QueriesWithCheckpointsTest {
  @TempDir Path dir;

  static Stream<String> queries() {
    return NexmarkQueries.all().stream().map(NexmarkQuery::name);
  }

  private long run(String query, boolean checkpointing) throws Exception {
    NexmarkJob job = new NexmarkJob(query, 1, GeneratorConfig.builder().numEvents(5_000).firstEventRate(1_000).build(),
        checkpointing, QueryContext.defaults(dir.resolve(query + "-" + checkpointing)));
    return Long.parseLong(NexmarkRunOne.measure(new SluiceNexmarkEngine(NexmarkQueries::byName), job, 0)
        .get("outputRecords"));
  }

  @ParameterizedTest
  @MethodSource("queries")
  void runsWithCheckpointing(String query) throws Exception {
    long with = run(query, true);
    if (!query.equals("q12")) {
      assertThat(with).isEqualTo(run(query, false));
    }
  }
}
