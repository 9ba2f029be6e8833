package dev.sluice.examples.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every use-case example runs with checkpointing on — every operator's state is encodable — and
 * prints what it prints without checkpoints (with event time driven by the data alone, see below;
 * the late-data paths are covered by each example's own test).
 */
class ExamplesWithCheckpointsTest {
  @TempDir Path tmp;

  private static List<String> run(Examples example, Path checkpoints) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ExampleOptions options = new ExampleOptions().events(4_000).rate(40_000)
        .out(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    // Periodic watermarks follow the wall clock: whether a very late reading is behind the
    // watermark depends on when the last one was emitted, which differs from run to run on a busy
    // machine. Without them event time advances only at the end of the input, so both runs must
    // print exactly the same.
    env.getConfig().setAutoWatermarkInterval(0);
    if (checkpoints != null) {
      env.enableCheckpointing(15);
      env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    }
    var client = (dev.sluice.runtime.execution.JobExecution) env.executeAsync(defined(env, example, options));
    client.getJobExecutionResult().get();
    if (checkpoints != null) {
      assertThat(client.checkpointStatistics())
          .as("checkpoints of %s", example)
          .anyMatch(s -> s.status() == dev.sluice.runtime.checkpoint.CheckpointStats.Status.COMPLETED);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
    Arrays.sort(lines);
    return List.of(lines);
  }

  private static String defined(StreamExecutionEnvironment env, Examples example, ExampleOptions options) {
    example.define(env, options);
    return example.jobName();
  }

  @ParameterizedTest
  @EnumSource(Examples.class)
  void runsWithCheckpointsAndPrintsTheSame(Examples example) throws Exception {
    List<String> plain = run(example, null);
    List<String> checkpointed = run(example, tmp.resolve("checkpoints"));
    assertThat(checkpointed).isEqualTo(plain);
  }
}
