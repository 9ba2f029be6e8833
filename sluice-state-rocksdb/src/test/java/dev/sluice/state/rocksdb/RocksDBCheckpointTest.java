package dev.sluice.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.serialization.SimpleStringEncoder;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.connector.file.sink.FileSink;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.runtime.jobgraph.SavepointRestoreSettings;
import dev.sluice.runtime.state.HashMapStateBackend;
import dev.sluice.runtime.state.StateBackend;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of RocksDB state: a failure restores the latest checkpoint exactly once, and
 * savepoints move between the heap and RocksDB, also at another parallelism.
 */
class RocksDBCheckpointTest {
  @TempDir Path tmp;

  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /**
   * Counts per key in four kinds of state that must agree (so each one is restored), emits
   * "key,count", and fails once when key 0's count reaches {@code failAt}. Registers a timer per
   * element so timers are part of the snapshots too.
   */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private final long failAt;
    private transient ValueState<Long> count;
    private transient ListState<Long> seen;
    private transient MapState<Long, Long> byValue;
    private transient ReducingState<Long> sum;

    CountPerKey(long failAt) {
      this.failAt = failAt;
    }

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      seen = getRuntimeContext().getListState(new ListStateDescriptor<>("seen", Long.class));
      byValue = getRuntimeContext().getMapState(new MapStateDescriptor<>("by-value", Long.class, Long.class));
      sum = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      long n = count.value() == null ? 1 : count.value() + 1;
      count.update(n);
      seen.add(n);
      Long m = byValue.get(value);
      byValue.put(value, m == null ? 1 : m + 1);
      sum.add(1L);
      // the list holds the counts since its last restart (every 50): consecutive, ending at n
      List<Long> list = new ArrayList<>();
      seen.get().forEach(list::add);
      boolean listOk = !list.isEmpty() && list.get(list.size() - 1) == n
          && list.get(0) == n - list.size() + 1 && list.size() <= 51;
      if (!listOk || byValue.get(value) != n || sum.get() != n) {
        throw new AssertionError("state kinds disagree for key " + value + ": count " + n + ", list "
            + list + ", map " + byValue.get(value) + ", reducing " + sum.get());
      }
      if (n % 50 == 0) {
        seen.update(new ArrayList<>(List.of(n))); // keep the list short: restart it
      }
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - n);
      if (ctx.getCurrentKey() == 0 && n == failAt && FAILURES_LEFT.getAndDecrement() > 0) {
        throw new IllegalStateException("injected failure at count " + n);
      }
      out.collect(ctx.getCurrentKey() + "," + n);
    }
  }

  static List<String> expected(int keys, long perKey) {
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
    if (!Files.exists(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    lines.sort(null);
    return lines;
  }

  static void assertExactlyOnce(List<String> actual, List<String> expected) {
    Map<String, Integer> diff = new TreeMap<>();
    expected.forEach(l -> diff.merge(l, 1, Integer::sum));
    actual.forEach(l -> diff.merge(l, -1, Integer::sum));
    diff.values().removeIf(v -> v == 0);
    List<String> missing = diff.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    List<String> extra = diff.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).toList();
    assertThat(missing).as("records missing (%d of %d)", missing.size(), expected.size()).isEmpty();
    assertThat(extra).as("records duplicated or unexpected (%d)", extra.size()).isEmpty();
  }

  private void assertNoRocksDBDirectoriesLeft(Path work) throws IOException {
    if (Files.exists(work)) {
      try (Stream<Path> left = Files.list(work)) {
        assertThat(left).as("RocksDB directories left behind").isEmpty();
      }
    }
  }

  @Test
  void aFailureRestartsFromTheLatestCheckpointAndTheOutputIsExactlyOnce() throws Exception {
    int keys = 4;
    long perKey = 1500;
    FAILURES_LEFT.set(2);
    Path out = tmp.resolve("out");
    Path work = tmp.resolve("rocks");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(new EmbeddedRocksDBStateBackend().setWorkingDirectory(work.toString()));
    env.enableCheckpointing(30);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(10)));
    env.fromSource(new DataGeneratorSource<>(i -> i % keys, keys * perKey,
            RateLimiterStrategy.perSecond(6000), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
        .keyBy(v -> v)
        .process(new CountPerKey(perKey / 2))
        .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build());
    JobClient client = env.executeAsync("recovering-on-rocksdb");
    client.getJobExecutionResult().get(60, TimeUnit.SECONDS);

    assertThat(FAILURES_LEFT.get()).isLessThanOrEqualTo(0);
    assertExactlyOnce(committedLines(out), expected(keys, perKey));
    assertThat(client.checkpointStatistics()).anyMatch(s -> s.status() == CheckpointStats.Status.COMPLETED);
    assertNoRocksDBDirectoriesLeft(work);
  }

  /** Runs part of the job with {@code first}, stops it with a savepoint, finishes it with {@code second}. */
  String moveBetweenBackends(StateBackend first, int firstParallelism, StateBackend second,
      int secondParallelism) throws Exception {
    int keys = 6;
    long perKey = 400;
    FAILURES_LEFT.set(0);
    Path savepoints = tmp.resolve("savepoints");
    Path out1 = tmp.resolve("out1");
    Path out2 = tmp.resolve("out2");

    // no periodic checkpoints in the first run: nothing competes with the savepoint
    StreamExecutionEnvironment env = job(first, firstParallelism, keys, perKey, out1, 400, 3_600_000);
    JobClient client = env.executeAsync("before");
    Thread.sleep(1000); // let some state build up (the run needs 6 s), then stop with a savepoint
    String savepoint = null;
    for (int attempt = 0; savepoint == null; attempt++) {
      try {
        savepoint = client.stopWithSavepoint(savepoints.toString()).get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (attempt > 100 || !String.valueOf(e.getCause().getMessage()).contains("in progress")) {
          throw e;
        }
        Thread.sleep(10); // a periodic checkpoint is running: try again
      }
    }
    client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    List<String> before = committedLines(out1);
    assertThat(before).as("output before the savepoint").isNotEmpty();
    assertThat(before.size()).as("the first run must not have finished").isLessThan(keys * (int) perKey);

    StreamExecutionEnvironment env2 = job(second, secondParallelism, keys, perKey, out2, 20000, 200);
    env2.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    env2.executeAsync("after").getJobExecutionResult().get(60, TimeUnit.SECONDS);

    List<String> all = new ArrayList<>(before);
    all.addAll(committedLines(out2));
    all.sort(null);
    assertExactlyOnce(all, expected(keys, perKey));
    return savepoint;
  }

  private StreamExecutionEnvironment job(StateBackend backend, int parallelism, int keys, long perKey, Path out,
      int rate, long checkpointInterval) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setStateBackend(backend);
    env.enableCheckpointing(checkpointInterval);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints-" + out.getFileName()).toString());
    env.fromSource(new DataGeneratorSource<>(i -> i % keys, keys * perKey,
            RateLimiterStrategy.perSecond(rate), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
        .uid("numbers")
        .keyBy(v -> v)
        .process(new CountPerKey(-1)).uid("count")
        .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("sink");
    return env;
  }

  private EmbeddedRocksDBStateBackend rocks() {
    return new EmbeddedRocksDBStateBackend().setWorkingDirectory(tmp.resolve("rocks").toString());
  }

  @Test
  void aSavepointOfHeapStateRestoresOnRocksDBAtAnotherParallelism() throws Exception {
    moveBetweenBackends(new HashMapStateBackend(), 2, rocks(), 3);
    assertNoRocksDBDirectoriesLeft(tmp.resolve("rocks"));
  }

  @Test
  void aSavepointOfRocksDBStateRestoresOnTheHeapAtAnotherParallelism() throws Exception {
    moveBetweenBackends(rocks(), 3, new HashMapStateBackend(), 1);
    assertNoRocksDBDirectoriesLeft(tmp.resolve("rocks"));
  }

  @Test
  void aSavepointOfAnIncrementalRocksDBJobIsInTheKeyGroupFormatAndRestoresOnTheHeap() throws Exception {
    String savepoint = moveBetweenBackends(rocks().enableIncrementalCheckpointing(true), 2,
        new HashMapStateBackend(), 3);
    dev.sluice.runtime.checkpoint.CheckpointMetadata meta =
        dev.sluice.runtime.checkpoint.CheckpointStorage.load(Path.of(savepoint)).metadata();
    assertThat(meta.savepoint()).isTrue();
    assertThat(meta.operators().get("count").subtasks())
        .allSatisfy(s -> {
          assertThat(s.nativeState()).as("a savepoint holds no native files").isNull();
          assertThat(s.keyGroups()).isNotEmpty();
        });
    assertNoRocksDBDirectoriesLeft(tmp.resolve("rocks"));
  }

  @Test
  void aSavepointOfRocksDBStateRestoresOnRocksDBAtAnotherParallelism() throws Exception {
    moveBetweenBackends(rocks(), 2, rocks(), 4);
    assertNoRocksDBDirectoriesLeft(tmp.resolve("rocks"));
  }
}
