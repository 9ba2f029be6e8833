package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.execution.JobExecution;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints on disk: retention, and damaged or partial checkpoints skipped for older ones. */
class CheckpointStorageTest {
  @TempDir Path tmp;
  Path dir;

  static StreamExecutionEnvironment job(Path checkpoints, String uid) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(20);
    env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
    env.getCheckpointConfig().setMaxRetainedCheckpoints(3);
    env.getCheckpointConfig().setResumeFromLatestCheckpoint(true);
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(5_000),
            Types.LONG), WatermarkStrategy.noWatermarks(), "numbers").uid(uid)
        .keyBy(v -> v % 10)
        .reduce(Long::sum).uid("sums")
        .sinkTo(new DiscardingSink<>());
    return env;
  }

  /** Runs the job until at least five checkpoints completed, then cancels it. */
  static void runUntilCheckpoints(StreamExecutionEnvironment env) throws Exception {
    JobClient client = env.executeAsync("numbers");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (client.checkpointStatistics().stream().filter(s -> s.status() == CheckpointStats.Status.COMPLETED).count() < 5
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    client.cancel().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void takeCheckpoints() throws Exception {
    dir = tmp.resolve("checkpoints");
    runUntilCheckpoints(job(dir, "numbers"));
  }

  private List<Long> ids() throws Exception {
    return new CheckpointStorage(dir).checkpointIds();
  }

  @Test
  void keepsTheConfiguredNumberOfCompletedCheckpoints() throws Exception {
    List<Long> ids = ids();
    assertThat(ids).hasSizeBetween(3, 4); // 3 retained, plus possibly one abandoned at cancel (deleted)
    for (long id : ids.subList(0, 3)) {
      assertThat(CheckpointStorage.load(dir.resolve("chk-" + id)).metadata().checkpointId()).isEqualTo(id);
    }
  }

  @Test
  void aTruncatedStateFileMakesRecoveryUseThePreviousCheckpoint() throws Exception {
    long newest = new CheckpointStorage(dir).latestValid().orElseThrow().metadata().checkpointId();
    Path stateFile;
    try (Stream<Path> files = Files.list(dir.resolve("chk-" + newest))) {
      stateFile = files.filter(p -> p.toString().endsWith(".state")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(stateFile.toFile(), "rw")) {
      f.setLength(Math.max(0, f.length() - 3));
    }
    assertThatThrownBy(() -> CheckpointStorage.load(dir.resolve("chk-" + newest)))
        .hasMessageContaining("truncated or overwritten");
    assertThat(new CheckpointStorage(dir).latestValid().orElseThrow().metadata().checkpointId())
        .isLessThan(newest);
    assertResumesFromAnOlderCheckpointThan(newest);
  }

  @Test
  void aFlippedByteInTheMetadataMakesRecoveryUseThePreviousCheckpoint() throws Exception {
    long newest = new CheckpointStorage(dir).latestValid().orElseThrow().metadata().checkpointId();
    Path meta = dir.resolve("chk-" + newest).resolve(CheckpointStorage.METADATA_FILE);
    byte[] bytes = Files.readAllBytes(meta);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(meta, bytes);
    assertThatThrownBy(() -> CheckpointStorage.load(dir.resolve("chk-" + newest)))
        .hasMessageContaining("corrupt");
    assertResumesFromAnOlderCheckpointThan(newest);
  }

  @Test
  void aFlippedByteInAStateFileIsDetected() throws Exception {
    long newest = new CheckpointStorage(dir).latestValid().orElseThrow().metadata().checkpointId();
    Path stateFile;
    try (Stream<Path> files = Files.list(dir.resolve("chk-" + newest))) {
      stateFile = files.filter(p -> p.toString().endsWith(".state")).filter(p -> p.toFile().length() > 0)
          .findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(stateFile);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(stateFile, bytes);
    assertThatThrownBy(() -> CheckpointStorage.load(dir.resolve("chk-" + newest)))
        .hasMessageContaining("checksum mismatch");
    assertResumesFromAnOlderCheckpointThan(newest);
  }

  @Test
  void aCheckpointWithoutMetadataIsNotACheckpoint() throws Exception {
    long newest = new CheckpointStorage(dir).latestValid().orElseThrow().metadata().checkpointId();
    Files.delete(dir.resolve("chk-" + newest).resolve(CheckpointStorage.METADATA_FILE));
    assertResumesFromAnOlderCheckpointThan(newest);
  }

  private void assertResumesFromAnOlderCheckpointThan(long newest) throws Exception {
    StreamExecutionEnvironment env = job(dir, "numbers");
    JobExecution client = (JobExecution) env.executeAsync("numbers");
    try {
      Path restored = client.restoredFrom().orElseThrow();
      long id = Long.parseLong(restored.getFileName().toString().substring("chk-".length()));
      assertThat(id).isLessThan(newest);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (client.checkpointStatistics().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(client.checkpointStatistics().get(0).id()).as("numbering continues").isGreaterThan(newest);
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void resumingACheckpointDirectoryOfAnotherJobIsAClearError() {
    StreamExecutionEnvironment env = job(dir, "other-source");
    assertThatThrownBy(() -> env.executeAsync("numbers"))
        .hasMessageContaining("holds state of operators this job does not have");
  }

  @Test
  void aCheckpointDirectoryThatCannotBeCreatedIsAClearError() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    StreamExecutionEnvironment env = job(file.resolve("checkpoints"), "numbers");
    assertThatThrownBy(() -> env.executeAsync("numbers"))
        .hasMessageContaining("The checkpoint directory " + file.resolve("checkpoints"));
  }
}
