package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sluice.api.common.JobStatus;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many tiny bounded jobs with a two-phase-commit sink and checkpoints every 10 ms: the end of the
 * input races with the start of the attempt, with periodic checkpoints in flight and with a
 * stop-with-savepoint requested as the input ends. Every job must end, and commit all its output
 * exactly once (or, when the stop-with-savepoint won, what the savepoint covers).
 *
 * <p>A race lost here hangs a job (its final checkpoint never comes); the test then fails on that
 * job's bounded wait. One lost race in a few hundred jobs was seen under load, so the default
 * number of jobs is a compromise with the suite's time; {@code -Dsluice.stress.jobs=2000} runs more.
 */
class EndOfJobRaceStressTest {
  private static final int ELEMENTS = 20;
  private static final long WAIT_SECONDS = 20; // only reached by a job that hangs

  @TempDir Path tmp;

  @Test
  void tinyBoundedJobsAlwaysEndWithTheirFinalCheckpoint() throws Exception {
    int jobs = Integer.getInteger("sluice.stress.jobs", 100);
    List<String> all = LongStream.rangeClosed(1, ELEMENTS).mapToObj(String::valueOf).sorted().toList();
    for (int i = 0; i < jobs; i++) {
      String name = "tiny-" + i;
      boolean stop = i % 3 == 2; // every third job is stopped with a savepoint as its input ends
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      env.enableCheckpointing(10);
      env.setRestartStrategy(RestartStrategies.noRestart()); // a failed checkpoint fails the job: no retry hides it
      env.getCheckpointConfig().setCheckpointStorage(tmp.resolve(name).toString());
      env.fromSequence(1, ELEMENTS).rebalance().sinkTo(new CommitRecordingSink<>(name));
      JobClient client = env.executeAsync(name);
      CompletableFuture<String> stopped = stop
          ? client.stopWithSavepoint(tmp.resolve("sp-" + i).toString()) : null;
      try {
        client.getJobExecutionResult().get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        client.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
        fail("job " + name + " did not end; its checkpoints: " + client.checkpointStatistics().size()
            + (stop ? ", stop-with-savepoint done: " + stopped.isDone() : ""));
      }
      assertThat(client.getJobStatus().get()).as(name + ", checkpoints " + client.checkpointStatistics())
          .isEqualTo(JobStatus.FINISHED);
      List<String> committed = CommitRecordingSink.committed(name).stream().sorted().collect(Collectors.toList());
      boolean stoppedBySavepoint = false;
      if (stop) {
        try {
          stopped.get(WAIT_SECONDS, TimeUnit.SECONDS);
          stoppedBySavepoint = true;
        } catch (ExecutionException e) {
          // the input ended (and the final checkpoint completed) before the savepoint could stop it
        }
      }
      if (stoppedBySavepoint) {
        assertThat(committed).as(name + " committed once each").doesNotHaveDuplicates();
        assertThat(all).as(name).containsAll(committed);
      } else {
        assertThat(committed).as(name + " committed everything once").isEqualTo(all);
      }
      CommitRecordingSink.forget(name);
    }
  }
}
