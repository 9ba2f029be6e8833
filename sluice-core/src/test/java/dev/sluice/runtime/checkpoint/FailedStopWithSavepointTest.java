package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.JobStatus;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop-with-savepoint that fails after the sources took its barrier (and stopped): the job is
 * not stopping after all, so the sources read on, later checkpoints succeed, and a second
 * stop-with-savepoint ends the job. Before, the sources stayed stopped for good: the job produced
 * nothing more and declined every checkpoint.
 */
class FailedStopWithSavepointTest {
  private static final long WAIT_SECONDS = 30; // only reached when the job is stuck

  @TempDir Path tmp;

  /** Blocks on the element 100 until released, so that a savepoint cannot complete meanwhile. */
  static final class Gate implements MapFunction<Long, Long> {
    static volatile CountDownLatch entered;
    static volatile CountDownLatch release;

    @Override
    public Long map(Long value) throws Exception {
      if (value == 100) {
        entered.countDown();
        release.await();
      }
      return value;
    }
  }

  @Test
  void aSourceStoppedForAFailedStopWithSavepointReadsOn() throws Exception {
    Gate.entered = new CountDownLatch(1);
    Gate.release = new CountDownLatch(1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setWorkerThreads(2); // the source keeps its own worker while the gate blocks
    env.enableCheckpointing(3_600_000);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    env.getCheckpointConfig().setCheckpointTimeout(300);
    env.fromSequence(1, Long.MAX_VALUE).rebalance().map(new Gate()).sinkTo(new DiscardingSink<>());
    JobClient client = env.executeAsync("gated");
    try {
      assertThat(Gate.entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      // the source takes the stop barrier and stops; the gated subtask cannot: the savepoint times out
      assertThatThrownBy(() -> client.stopWithSavepoint(tmp.resolve("sp").toString()).get(WAIT_SECONDS, TimeUnit.SECONDS))
          .hasMessageContaining("did not complete within 300 ms");
      Gate.release.countDown();

      // the short timeout applies to this stop too: on a loaded machine it may time out as well,
      // which is fine now (the sources resume each time); any other failure is not
      String savepoint = null;
      for (int attempt = 0; savepoint == null; attempt++) {
        try {
          savepoint = client.stopWithSavepoint(tmp.resolve("sp").toString()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (attempt >= 20 || !String.valueOf(e.getCause().getMessage()).contains("did not complete within")) {
            throw e;
          }
        }
      }
      assertThat(Path.of(savepoint).resolve(CheckpointStorage.METADATA_FILE)).exists();
      assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
    } finally {
      Gate.release.countDown();
      client.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * The job fails after its stop-with-savepoint completed (a sink's commit throws): it is not
   * restarted (that would run it on from the savepoint, and the stop would wait for its end for
   * ever); the stop completes with the savepoint, from which a new run resumes.
   */
  @Test
  void aJobThatFailsAfterItsStopWithSavepointCompletedIsNotRestarted() throws Exception {
    String name = "fails-while-stopping";
    CommitRecordingSink.failNextCommit(name);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(3_600_000); // the stop's savepoint is the first to commit
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, java.time.Duration.ZERO));
    env.fromSequence(1, Long.MAX_VALUE).sinkTo(new CommitRecordingSink<>(name));
    JobClient client = env.executeAsync(name);
    try {
      while (CommitRecordingSink.written(name) == 0) {
        Thread.sleep(5); // until the sink wrote something, so that the savepoint has output to commit
      }
      String savepoint = client.stopWithSavepoint(tmp.resolve("sp").toString()).get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(Path.of(savepoint).resolve(CheckpointStorage.METADATA_FILE)).exists();
      assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FAILED);
      assertThat(((dev.sluice.runtime.execution.JobExecution) client).restarts()).isZero();
    } finally {
      client.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
      CommitRecordingSink.forget(name);
    }
  }
}
