package dev.sluice.runtime.checkpoint;

import static dev.sluice.runtime.checkpoint.CheckpointRecoveryTest.assertExactlyOnce;
import static dev.sluice.runtime.checkpoint.CheckpointRecoveryTest.committedLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.serialization.SimpleStringEncoder;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.connector.file.sink.FileSink;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.jobgraph.SavepointRestoreSettings;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stop-with-savepoint in the middle of a windowed job, then a restore from the savepoint at
 * another parallelism: windows and timers in flight carry over, and the two runs together
 * produce exactly the output of one uninterrupted run.
 */
class SavepointTest {
  @TempDir Path tmp;

  static final int KEYS = 7;
  static final long EVENTS = 24_000;
  static final long WINDOW_MS = 1_000;

  /** Event i: key i % 7, event time 10 ms * i. */
  static void build(StreamExecutionEnvironment env, Path out, double rate) {
    env.fromSource(new DataGeneratorSource<>(i -> Tuple2.of(i % KEYS, i * 10), EVENTS,
                RateLimiterStrategy.perSecond(rate), Types.TUPLE(Types.LONG, Types.LONG)),
            WatermarkStrategy.<Tuple2<Long, Long>>forMonotonousTimestamps()
                .withTimestampAssigner((e, ts) -> e.f1), "events")
        .uid("events")
        .map(e -> Tuple2.of(e.f0, 1L)).returns(Types.TUPLE(Types.LONG, Types.LONG)).uid("ones")
        .keyBy(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MS)))
        .reduce((ReduceFunction<Tuple2<Long, Long>>) (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)).uid("counts")
        .map(t -> t.f0 + "," + t.f1).returns(Types.STRING).uid("format")
        .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("files");
  }

  /** Per window (100 events each, 10 ms apart), the count per key; as "key,count" lines. */
  static List<String> expected() {
    Map<String, Long> counts = new TreeMap<>();
    for (long i = 0; i < EVENTS; i++) {
      long window = i * 10 / WINDOW_MS;
      counts.merge((i % KEYS) + "@" + window, 1L, Long::sum);
    }
    List<String> lines = new ArrayList<>();
    counts.forEach((k, v) -> lines.add(k.substring(0, k.indexOf('@')) + "," + v));
    lines.sort(null);
    return lines;
  }

  @ParameterizedTest(name = "parallelism {0} -> {1}")
  @CsvSource({"1, 4", "4, 2", "4, 1"})
  void stopWithSavepointThenRestoreAtAnotherParallelism(int before, int after) throws Exception {
    Path out = tmp.resolve("out");
    StreamExecutionEnvironment first = StreamExecutionEnvironment.createLocalEnvironment(before);
    first.enableCheckpointing(60_000);
    first.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk1").toString());
    build(first, out, 12_000);
    JobClient client = first.executeAsync("windows-" + before);
    Thread.sleep(700);
    String savepoint = client.stopWithSavepoint(tmp.resolve("savepoints").toString()).get(30, TimeUnit.SECONDS);
    assertThat(client.getJobStatus().get()).isEqualTo(dev.sluice.api.common.JobStatus.FINISHED);
    assertThat(Path.of(savepoint).resolve(CheckpointStorage.METADATA_FILE)).exists();
    long linesBefore = committedLines(out).size();
    assertThat(linesBefore).as("the first run stopped midway").isGreaterThan(0).isLessThan(expected().size());

    StreamExecutionEnvironment second = StreamExecutionEnvironment.createLocalEnvironment(after);
    second.enableCheckpointing(60_000);
    second.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk2").toString());
    second.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    build(second, out, 1_000_000);
    second.execute("windows-" + after);

    assertExactlyOnce(committedLines(out), expected());
  }

  @Test
  void aSavepointPathThatIsNotASavepointIsAClearError() throws Exception {
    Path notASavepoint = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(notASavepoint.resolve("x.txt"), "hello");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(tmp.resolve("missing").toString()));
    build(env, tmp.resolve("out"), 1_000_000);
    assertThatThrownBy(() -> env.execute("x"))
        .hasMessageContaining("Cannot restore job 'x' from " + tmp.resolve("missing"));

    StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(1);
    env2.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(notASavepoint.toString()));
    build(env2, tmp.resolve("out"), 1_000_000);
    assertThatThrownBy(() -> env2.execute("x"))
        .hasMessageContaining("neither a savepoint or checkpoint nor a directory with a valid checkpoint");
  }

  @Test
  void aSavepointWithStateOfAnOperatorTheJobLacksIsRefusedUnlessAllowed() throws Exception {
    Path out = tmp.resolve("out");
    StreamExecutionEnvironment first = StreamExecutionEnvironment.createLocalEnvironment(1);
    first.enableCheckpointing(60_000);
    build(first, out, 20_000);
    JobClient client = first.executeAsync("windows");
    Thread.sleep(300);
    String savepoint = client.triggerSavepoint(tmp.resolve("sp").toString()).get(30, TimeUnit.SECONDS);
    client.cancel().get(10, TimeUnit.SECONDS);

    StreamExecutionEnvironment other = StreamExecutionEnvironment.createLocalEnvironment(1);
    other.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    other.fromSequence(1, 10).uid("different").print();
    assertThatThrownBy(() -> other.execute("other"))
        .hasMessageContaining("holds state of operators this job does not have")
        .hasMessageContaining("uid events");

    StreamExecutionEnvironment allowed = StreamExecutionEnvironment.createLocalEnvironment(1);
    allowed.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, true));
    allowed.fromSequence(1, 10).uid("different").sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
    allowed.execute("other");
  }

  /** Keeps a value per key, declared as {@code type}; emits nothing. */
  static final class Remember<T> extends dev.sluice.streaming.api.functions.KeyedProcessFunction<Long, Long, String> {
    private final Class<T> type;
    private final java.util.function.Function<Long, T> convert;
    private transient dev.sluice.api.common.state.ValueState<T> last;

    Remember(Class<T> type, java.util.function.Function<Long, T> convert) {
      this.type = type;
      this.convert = convert;
    }

    @Override
    public void open(dev.sluice.api.common.functions.OpenContext openContext) {
      last = getRuntimeContext().getState(new dev.sluice.api.common.state.ValueStateDescriptor<>("last", type));
    }

    @Override
    public void processElement(Long value, Context ctx, dev.sluice.util.Collector<String> out) throws Exception {
      last.update(convert.apply(value));
    }
  }

  private static String savepointOfRemember(Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(60_000);
    env.fromSource(new DataGeneratorSource<>(i -> i, 200_000, RateLimiterStrategy.perSecond(10_000), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .keyBy(v -> v % 10)
        .process(new Remember<>(Long.class, v -> v)).uid("remember")
        .sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>()).uid("sink");
    JobClient client = env.executeAsync("remember");
    Thread.sleep(300);
    return client.stopWithSavepoint(dir.toString()).get(30, TimeUnit.SECONDS);
  }

  @Test
  void aJobWithAnOperatorAddedRestoresTheOthersState() throws Exception {
    String savepoint = savepointOfRemember(tmp.resolve("sp"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    env.fromSource(new DataGeneratorSource<>(i -> i, 200_000, RateLimiterStrategy.noOp(), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .filter(v -> v >= 0).uid("added-filter")
        .keyBy(v -> v % 10)
        .process(new Remember<>(Long.class, v -> v)).uid("remember")
        .sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>()).uid("sink");
    env.execute("remember, with a filter");
  }

  @Test
  void aStateWhoseTypeChangedIncompatiblyIsAClearError() throws Exception {
    String savepoint = savepointOfRemember(tmp.resolve("sp"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    env.fromSource(new DataGeneratorSource<>(i -> i, 200_000, RateLimiterStrategy.noOp(), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .keyBy(v -> v % 10)
        .process(new Remember<>(String.class, String::valueOf)).uid("remember")
        .sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>()).uid("sink");
    assertThatThrownBy(() -> env.execute("remember strings"))
        .hasStackTraceContaining("The state 'last' cannot be restored: its type changed incompatibly");
  }

  @Test
  void aStopWithSavepointThatCannotBeTakenFailsAtOnceAndTheJobRunsOn() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(60_000);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    build(env, tmp.resolve("out"), 1_000);
    JobClient client = env.executeAsync("stop-fails");
    Path notADirectory = Files.writeString(tmp.resolve("a-file"), "x");
    try {
      // the savepoint fails while the job runs on: the future must say so, not wait for the job to end
      assertThatThrownBy(() -> client.stopWithSavepoint(notADirectory.resolve("savepoints").toString())
          .get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("Cannot write the savepoint");
      assertThat(client.getJobStatus().get()).isEqualTo(dev.sluice.api.common.JobStatus.RUNNING);
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void savepointsNeedCheckpointingEnabled() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    build(env, tmp.resolve("out"), 1_000);
    JobClient client = env.executeAsync("no-checkpoints");
    try {
      assertThatThrownBy(() -> client.triggerSavepoint(tmp.toString()).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("checkpointing is not enabled");
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
  }
}
