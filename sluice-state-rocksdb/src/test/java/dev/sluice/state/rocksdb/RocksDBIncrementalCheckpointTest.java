package dev.sluice.state.rocksdb;

import static dev.sluice.state.rocksdb.RocksDBCheckpointTest.FAILURES_LEFT;
import static dev.sluice.state.rocksdb.RocksDBCheckpointTest.assertExactlyOnce;
import static dev.sluice.state.rocksdb.RocksDBCheckpointTest.committedLines;
import static dev.sluice.state.rocksdb.RocksDBCheckpointTest.expected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.serialization.SimpleStringEncoder;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.connector.file.sink.FileSink;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.checkpoint.CheckpointMetadata;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeFile;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.SubtaskRef;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import dev.sluice.runtime.state.HashMapStateBackend;
import dev.sluice.runtime.state.StateBackend;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental checkpoints of RocksDB state: only new SST files are uploaded, restores open the
 * database from the files (after a failure or in a new run), retention deletes unreferenced
 * shared files, a damaged shared file invalidates the checkpoints that reference it, and rescaled
 * or heap restores read the files through a read-only RocksDB.
 */
class RocksDBIncrementalCheckpointTest {
  @TempDir Path tmp;

  private EmbeddedRocksDBStateBackend incremental() {
    return new EmbeddedRocksDBStateBackend().setWorkingDirectory(tmp.resolve("rocks").toString())
        .enableIncrementalCheckpointing(true);
  }

  /** Keys 0..load-1 get a value of {@code valueBytes} random bytes each, then keys 0..9 change again and again. */
  static final class BigValues extends KeyedProcessFunction<Long, Long, String> {
    private final int valueBytes;
    private transient ValueState<byte[]> value;
    private transient Random random;

    BigValues(int valueBytes) {
      this.valueBytes = valueBytes;
    }

    @Override
    public void open(OpenContext openContext) {
      value = getRuntimeContext().getState(new ValueStateDescriptor<>("value", byte[].class));
      random = new Random(42);
    }

    @Override
    public void processElement(Long key, Context ctx, Collector<String> out) throws Exception {
      byte[] bytes = new byte[valueBytes];
      random.nextBytes(bytes); // incompressible
      value.update(bytes);
    }
  }

  private List<CheckpointStats> runBigState(StateBackend backend, long load, long updates, int valueBytes,
      int rate, long interval, Path checkpoints) throws Exception {
    return runBigState(backend, load, updates, 10, valueBytes, rate, interval, checkpoints);
  }

  /** Loads keys 0..load-1, then updates keys 0..hot-1 round robin. */
  private List<CheckpointStats> runBigState(StateBackend backend, long load, long updates, long hot, int valueBytes,
      int rate, long interval, Path checkpoints) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setStateBackend(backend);
    env.enableCheckpointing(interval);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.fromSource(new DataGeneratorSource<>(i -> i < load ? i : i % hot, load + updates,
            RateLimiterStrategy.perSecond(rate), Types.LONG), WatermarkStrategy.noWatermarks(), "keys")
        .keyBy(v -> v)
        .process(new BigValues(valueBytes))
        .sinkTo(FileSink.forRowFormat(tmp.resolve("big-out"), new SimpleStringEncoder<String>()).build());
    JobClient client = env.executeAsync("big-state");
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return client.checkpointStatistics().stream()
        .filter(s -> s.status() == CheckpointStats.Status.COMPLETED && !s.savepoint()).toList();
  }

  @Test
  void checkpointsAfterSmallChangesUploadMuchLessThanTheState() throws Exception {
    // 10 MB of state built in ~1.3 s, then 10 keys updated for ~1 s; a checkpoint every 100 ms
    List<CheckpointStats> stats = runBigState(incremental(), 20_000, 15_000, 500, 15_000, 100,
        tmp.resolve("checkpoints"));
    long full = stats.stream().mapToLong(CheckpointStats::stateSize).max().orElseThrow();
    assertThat(full).isGreaterThan(9_000_000);
    List<CheckpointStats> afterLoad = stats.stream().filter(s -> s.stateSize() >= full * 9 / 10).toList();
    assertThat(afterLoad.size()).as("checkpoints after the state was built").isGreaterThanOrEqualTo(4);
    // every checkpoint so far together uploaded about the state once (plus compactions' rewrites)
    long firstFull = stats.stream().filter(s -> s.stateSize() >= full * 9 / 10).findFirst().orElseThrow().id();
    long uploadedUntilFull = stats.stream().filter(s -> s.id() <= firstFull).mapToLong(CheckpointStats::bytesWritten).sum();
    assertThat(uploadedUntilFull).isGreaterThanOrEqualTo(full * 9 / 10);
    // after it, a small change uploads a small file (now and then a compaction rewrites more)
    List<CheckpointStats> later = afterLoad.subList(1, afterLoad.size());
    long small = later.stream().filter(s -> s.bytesWritten() < s.stateSize() / 20).count();
    assertThat(small).as("checkpoints uploading < 5%% of the state: %s", describe(later))
        .isGreaterThanOrEqualTo((later.size() + 1) / 2);
    assertThat(later.stream().mapToLong(CheckpointStats::bytesWritten).min().orElseThrow())
        .isLessThan(full / 100);
  }

  private static String describe(List<CheckpointStats> stats) {
    StringBuilder b = new StringBuilder();
    for (CheckpointStats s : stats) {
      b.append(String.format("%n  chk %d: state %d, written %d", s.id(), s.stateSize(), s.bytesWritten()));
    }
    return b.toString();
  }

  /** Run with -Dsluice.measure=true: 100 MB of state, 1% changed between checkpoints, full vs incremental. */
  @Test
  void measureFullVersusIncremental() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("sluice.measure"));
    for (boolean incr : new boolean[] {false, true}) {
      EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend()
          .setWorkingDirectory(tmp.resolve("rocks").toString()).enableIncrementalCheckpointing(incr);
      // 100 000 keys x 1000 bytes; then 1000 keys (1%) change, 1000 updates per 100 ms checkpoint
      List<CheckpointStats> stats = runBigState(backend, 100_000, 20_000, 1000, 1000, 10_000, 100,
          tmp.resolve("measure-" + incr));
      System.out.println((incr ? "incremental" : "full") + describe(stats));
    }
  }

  private StreamExecutionEnvironment countingJob(StateBackend backend, int parallelism, int keys, long perKey,
      Path out, Path checkpoints, int rate, long interval, long failAt) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setStateBackend(backend);
    env.enableCheckpointing(interval);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().setMaxRetainedCheckpoints(2);
    env.fromSource(new DataGeneratorSource<>(i -> i % keys, keys * perKey,
            RateLimiterStrategy.perSecond(rate), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
        .uid("numbers")
        .keyBy(v -> v)
        .process(new RocksDBCheckpointTest.CountPerKey(failAt)).uid("count")
        .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("sink");
    return env;
  }

  @Test
  void aFailureRestoresFromTheIncrementalFilesAndTheOutputIsExactlyOnce() throws Exception {
    int keys = 4;
    long perKey = 1200;
    FAILURES_LEFT.set(2);
    int nativeRestores = RocksDBKeyedStateBackend.NATIVE_RESTORES.get();
    Path out = tmp.resolve("out");
    Path checkpoints = tmp.resolve("checkpoints");
    StreamExecutionEnvironment env = countingJob(incremental(), 2, keys, perKey, out, checkpoints, 6000, 30,
        perKey / 2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(10)));
    JobClient client = env.executeAsync("incremental-recovery");
    client.getJobExecutionResult().get(60, TimeUnit.SECONDS);

    assertThat(FAILURES_LEFT.get()).isLessThanOrEqualTo(0);
    assertExactlyOnce(committedLines(out), expected(keys, perKey));
    assertThat(RocksDBKeyedStateBackend.NATIVE_RESTORES.get() - nativeRestores)
        .as("subtasks that opened RocksDB from the checkpoint's files").isGreaterThanOrEqualTo(2);
    CheckpointMetadata latest = new CheckpointStorage(checkpoints).latestValid().orElseThrow().metadata();
    assertThat(latest.operators().get("count").subtasks()).allSatisfy(s -> {
      assertThat(s.nativeState()).isNotNull();
      assertThat(s.nativeState().files()).anyMatch(f -> !f.shared() && f.name().startsWith("MANIFEST"));
    });
    assertThat(latest.operators().get("count").subtasks()) // 4 keys: a subtask may have none
        .anyMatch(s -> s.nativeState().files().stream().anyMatch(f -> f.shared() && f.name().endsWith(".sst")));
    assertSharedFilesAreExactlyTheReferencedOnes(checkpoints);
    assertNoDirectoriesLeft(tmp.resolve("rocks"));
  }

  /** Runs the counting job at {@code p1} until a failure with no restarts, then resumes it in a new run. */
  private void crashAndResume(int p1, StateBackend second, int p2, Path orphan) throws Exception {
    int keys = 6;
    long perKey = 600;
    Path out = tmp.resolve("out");
    Path checkpoints = tmp.resolve("checkpoints");
    FAILURES_LEFT.set(1);
    StreamExecutionEnvironment env = countingJob(incremental(), p1, keys, perKey, out, checkpoints, 2500, 30,
        perKey * 2 / 3);
    env.setRestartStrategy(RestartStrategies.noRestart());
    JobClient first = env.executeAsync("first-run");
    assertThatThrownBy(() -> first.getJobExecutionResult().get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(new CheckpointStorage(checkpoints).latestValid()).as("a checkpoint of the first run").isPresent();
    // uploads of the checkpoint the failure abandoned may be left: they go when the next run starts
    assertSharedFiles(checkpoints, false);
    if (orphan != null) {
      Files.write(orphan, new byte[] {1, 2, 3}); // as if a crash left an upload no checkpoint references
    }

    StreamExecutionEnvironment env2 = countingJob(second, p2, keys, perKey, out, checkpoints, 20_000, 30, -1);
    env2.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    env2.executeAsync("second-run").getJobExecutionResult().get(60, TimeUnit.SECONDS);
    assertExactlyOnce(committedLines(out), expected(keys, perKey));
    assertSharedFilesAreExactlyTheReferencedOnes(checkpoints);
    assertNoDirectoriesLeft(tmp.resolve("rocks"));
  }

  @Test
  void aNewRunResumesFromTheLatestIncrementalCheckpointAndOrphanedSharedFilesGo() throws Exception {
    int nativeRestores = RocksDBKeyedStateBackend.NATIVE_RESTORES.get();
    Path orphan = tmp.resolve("checkpoints").resolve(CheckpointStorage.SHARED_DIR).resolve("orphan-000001.sst");
    crashAndResume(2, incremental(), 2, orphan);
    assertThat(RocksDBKeyedStateBackend.NATIVE_RESTORES.get() - nativeRestores).isEqualTo(2);
    assertThat(orphan).doesNotExist();
  }

  @Test
  void anIncrementalCheckpointRestoresAtAnotherParallelism() throws Exception {
    int nativeRestores = RocksDBKeyedStateBackend.NATIVE_RESTORES.get();
    crashAndResume(2, incremental(), 3, null);
    assertThat(RocksDBKeyedStateBackend.NATIVE_RESTORES.get() - nativeRestores)
        .as("a rescaled restore re-inserts the key groups read through a read-only RocksDB").isZero();
  }

  @Test
  void anIncrementalCheckpointRestoresOnTheHeapBackend() throws Exception {
    crashAndResume(2, new HashMapStateBackend(), 1, null);
  }

  @Test
  void retentionDeletesSharedFilesNoRetainedCheckpointReferences() throws Exception {
    List<CheckpointStats> stats = runBigState(incremental(), 5_000, 20_000, 200, 20_000, 20,
        tmp.resolve("checkpoints"));
    assertThat(stats.size()).isGreaterThan(5);
    Path checkpoints = tmp.resolve("checkpoints");
    // default retention keeps one checkpoint; its files stay, every other upload is gone
    assertSharedFilesAreExactlyTheReferencedOnes(checkpoints);
    long uploaded = stats.stream().mapToLong(CheckpointStats::bytesWritten).sum();
    long sharedNow;
    try (Stream<Path> files = Files.list(checkpoints.resolve(CheckpointStorage.SHARED_DIR))) {
      sharedNow = files.mapToLong(p -> p.toFile().length()).sum();
    }
    assertThat(sharedNow).as("bytes left in shared/").isLessThan(uploaded);
    assertThat(new CheckpointStorage(checkpoints).latestValid()).isPresent();
  }

  @Test
  void aDamagedSharedFileInvalidatesEveryCheckpointReferencingIt() throws Exception {
    Path checkpoints = tmp.resolve("checkpoints");
    FAILURES_LEFT.set(1);
    StreamExecutionEnvironment env = countingJob(incremental(), 1, 4, 600, tmp.resolve("out"), checkpoints,
        2000, 30, 500);
    env.getCheckpointConfig().setMaxRetainedCheckpoints(3);
    env.setRestartStrategy(RestartStrategies.noRestart());
    JobClient client = env.executeAsync("to-damage");
    assertThatThrownBy(() -> client.getJobExecutionResult().get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    CheckpointStorage storage = new CheckpointStorage(checkpoints);
    List<Long> ids = storage.checkpointIds();
    assertThat(ids).as("statistics: %s", client.checkpointStatistics()).hasSizeGreaterThanOrEqualTo(2);
    CheckpointMetadata newest = CheckpointStorage.load(storage.checkpointDir(ids.get(0))).metadata();
    List<NativeFile> newestFiles = sharedFiles(newest);
    newestFiles.sort((a, b) -> a.name().compareTo(b.name()));
    Set<String> damaged = new HashSet<>();
    // first the newest SST file (likely in the newest checkpoint only: the one before it is used),
    // then the oldest (likely shared by all retained checkpoints: each of them is invalid then)
    for (NativeFile victim : List.of(newestFiles.get(newestFiles.size() - 1), newestFiles.get(0))) {
      Path file = checkpoints.resolve(CheckpointStorage.SHARED_DIR).resolve(victim.path());
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.seek(raf.length() / 2);
        int b = raf.read();
        raf.seek(raf.length() / 2);
        raf.write(b ^ 0xff);
      }
      damaged.add(victim.path());
      Long expectedValid = null;
      for (long id : ids) {
        CheckpointMetadata m = CheckpointMetadata.fromBytes(
            Files.readAllBytes(storage.checkpointDir(id).resolve(CheckpointStorage.METADATA_FILE)));
        if (sharedFiles(m).stream().anyMatch(f -> damaged.contains(f.path()))) {
          // an older checkpoint sharing the file is invalid too: there is one copy of it
          assertThatThrownBy(() -> CheckpointStorage.load(storage.checkpointDir(id)))
              .hasMessageContaining("corrupt");
        } else {
          CheckpointStorage.load(storage.checkpointDir(id));
          if (expectedValid == null) {
            expectedValid = id;
          }
        }
      }
      assertThat(storage.latestValid().map(c -> c.metadata().checkpointId()).orElse(null))
          .as("the newest checkpoint not referencing a damaged file").isEqualTo(expectedValid);
    }
  }

  private static List<NativeFile> sharedFiles(CheckpointMetadata m) {
    List<NativeFile> files = new ArrayList<>();
    for (CheckpointMetadata.OperatorRef op : m.operators().values()) {
      for (SubtaskRef s : op.subtasks()) {
        if (s.nativeState() != null) {
          s.nativeState().files().stream().filter(NativeFile::shared).forEach(files::add);
        }
      }
    }
    return files;
  }

  /**
   * The shared directory holds exactly the files the checkpoints on disk reference, all intact
   * (waits a little: the coordinator may still be deleting old checkpoints after the job ended).
   */
  private static void assertSharedFilesAreExactlyTheReferencedOnes(Path checkpoints) throws Exception {
    assertSharedFiles(checkpoints, true);
  }

  private static void assertSharedFiles(Path checkpoints, boolean exactly) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        checkSharedFiles(checkpoints, exactly);
        return;
      } catch (AssertionError | IOException e) {
        if (attempt >= 100) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  private static void checkSharedFiles(Path checkpoints, boolean exactly) throws IOException {
    CheckpointStorage storage = new CheckpointStorage(checkpoints);
    Set<String> referenced = new HashSet<>();
    for (long id : storage.checkpointIds()) {
      Path dir = storage.checkpointDir(id);
      if (Files.exists(dir.resolve(CheckpointStorage.METADATA_FILE))) {
        sharedFiles(CheckpointStorage.load(dir).metadata()).forEach(f -> referenced.add(f.path()));
      }
    }
    Set<String> present = new HashSet<>();
    try (Stream<Path> files = Files.list(checkpoints.resolve(CheckpointStorage.SHARED_DIR))) {
      files.forEach(p -> present.add(p.getFileName().toString()));
    }
    assertThat(referenced).isNotEmpty();
    if (exactly) {
      assertThat(present).isEqualTo(referenced);
    } else {
      assertThat(present).containsAll(referenced);
    }
  }

  private static void assertNoDirectoriesLeft(Path work) throws IOException {
    if (Files.exists(work)) {
      try (Stream<Path> left = Files.list(work)) {
        assertThat(left).as("RocksDB directories left behind").isEmpty();
      }
    }
  }
}
