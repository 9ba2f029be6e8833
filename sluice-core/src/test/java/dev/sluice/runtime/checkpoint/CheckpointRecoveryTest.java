package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.serialization.SimpleStringEncoder;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.connector.file.sink.FileSink;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job with keyed state and an exactly-once file sink fails midway and restarts from a checkpoint. */
class CheckpointRecoveryTest {
  @TempDir Path tmp;

  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** Counts per key and emits "key,count"; fails once when the count of key 0 reaches {@code failAt}. */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private final long failAt;
    private transient ValueState<Long> count;

    CountPerKey(long failAt) {
      this.failAt = failAt;
    }

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long n = count.value() == null ? 1 : count.value() + 1;
      count.update(n);
      if (ctx.getCurrentKey() == 0 && n == failAt && FAILURES_LEFT.getAndDecrement() > 0) {
        throw new IllegalStateException("injected failure at count " + n);
      }
      out.collect(ctx.getCurrentKey() + "," + n);
    }
  }

  private static List<String> expected(int keys, long perKey) {
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      for (long n = 1; n <= perKey; n++) {
        lines.add(k + "," + n);
      }
    }
    lines.sort(null);
    return lines;
  }

  static List<String> committedLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    lines.sort(null);
    return lines;
  }

  /** Compares two sorted multisets of lines, naming what is missing and what is duplicated. */
  static void assertExactlyOnce(List<String> actual, List<String> expected) {
    java.util.Map<String, Integer> diff = new java.util.TreeMap<>();
    expected.forEach(l -> diff.merge(l, 1, Integer::sum));
    actual.forEach(l -> diff.merge(l, -1, Integer::sum));
    diff.values().removeIf(v -> v == 0);
    List<String> missing = diff.entrySet().stream().filter(e -> e.getValue() > 0).map(java.util.Map.Entry::getKey).toList();
    List<String> extra = diff.entrySet().stream().filter(e -> e.getValue() < 0).map(java.util.Map.Entry::getKey).toList();
    assertThat(missing).as("records missing (%d of %d)", missing.size(), expected.size()).isEmpty();
    assertThat(extra).as("records duplicated or unexpected (%d)", extra.size()).isEmpty();
  }

  @Test
  void aFailureRestartsFromTheLatestCheckpointAndTheOutputIsExactlyOnce() throws Exception {
    int keys = 4;
    long perKey = 1500;
    FAILURES_LEFT.set(2);
    Path out = tmp.resolve("out");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(30);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(10)));
    env.fromSource(new DataGeneratorSource<>(i -> i % keys, keys * perKey,
            RateLimiterStrategy.perSecond(6000), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
        .keyBy(v -> v)
        .process(new CountPerKey(perKey / 2))
        .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build());
    var client = env.executeAsync("recovering");
    client.getJobExecutionResult().get(60, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(FAILURES_LEFT.get()).isLessThanOrEqualTo(0);
    assertExactlyOnce(committedLines(out), expected(keys, perKey));
    assertThat(client.checkpointStatistics()).anyMatch(s -> s.status() == CheckpointStats.Status.COMPLETED);
  }
}
