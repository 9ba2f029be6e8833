package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.execution.CheckpointingMode;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.VersionedBytes;
import dev.sluice.runtime.elements.CheckpointBarrier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-over between "every subtask has ended" and the final checkpoint, and the end of a
 * stop-with-savepoint, driven step by step against a fake attempt: the test decides when each
 * checkpoint is acknowledged, so the interleavings that lost the final checkpoint are replayed
 * exactly. Periodic checkpoints are an hour apart: a final checkpoint that waits for one never
 * comes within the test.
 */
class CheckpointCoordinatorEndOfJobTest {
  private static final long HOUR = 3_600_000;
  private static final long WAIT_SECONDS = 20; // only reached when the expected step never comes

  @TempDir Path tmp;
  private CheckpointCoordinator coordinator;

  /** An attempt of one subtask; records what the coordinator asks of it. */
  private static final class FakeAttempt implements CheckpointCoordinator.Target {
    final BlockingQueue<CheckpointBarrier> triggered = new LinkedBlockingQueue<>();
    final BlockingQueue<String> completed = new LinkedBlockingQueue<>();
    final BlockingQueue<Long> aborted = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    @Override
    public Map<String, VersionedBytes> triggerCheckpoint(CheckpointBarrier barrier) {
      triggered.add(barrier);
      return Map.of();
    }

    @Override
    public int numberOfSubtasks() {
      return 1;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId, boolean finalCheckpoint) {
      completed.add(checkpointId + (finalCheckpoint ? " final" : ""));
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
      aborted.add(checkpointId);
    }

    @Override
    public void failJob(Throwable cause) {
      failures.add(cause);
    }
  }

  private CheckpointCoordinator coordinator(long intervalMs) throws Exception {
    CheckpointSettings settings = new CheckpointSettings(intervalMs, CheckpointingMode.EXACTLY_ONCE,
        tmp.resolve("chk"), HOUR, 0, 3, false, 0);
    coordinator = new CheckpointCoordinator("job", settings, new CheckpointStorage(tmp.resolve("chk")), 128,
        List.of(), "test");
    return coordinator;
  }

  @AfterEach
  void shutdown() {
    if (coordinator != null) {
      coordinator.shutdown();
    }
  }

  private CheckpointBarrier nextBarrier(FakeAttempt attempt) throws InterruptedException {
    return attempt.triggered.poll(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private void acknowledge(CheckpointBarrier barrier) {
    coordinator.acknowledge(barrier.id(), Map.of(), new CheckpointStats.SubtaskStats("task", 0, 0, 0, 0, 0));
  }

  /**
   * All subtasks of an attempt end before the coordinator is told the attempt started (a tiny job
   * whose starting thread was descheduled): the final checkpoint is still taken.
   */
  @Test
  void theEndOfAnAttemptReportedBeforeItsStartIsNotLost() throws Exception {
    FakeAttempt attempt = new FakeAttempt();
    coordinator(HOUR);
    coordinator.allSubtasksEnded(attempt);
    coordinator.attemptStarted(attempt);

    CheckpointBarrier last = nextBarrier(attempt);
    assertThat(last).as("the final checkpoint").isNotNull();
    acknowledge(last);
    assertThat(attempt.completed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(last.id() + " final");
  }

  /**
   * A savepoint is requested just before the last subtask ends and is triggered just after: the
   * savepoint is not the final checkpoint (it commits nothing), so the final checkpoint must still
   * follow it.
   */
  @Test
  void aSavepointTriggeredRightAfterTheInputEndedIsFollowedByTheFinalCheckpoint() throws Exception {
    FakeAttempt attempt = new FakeAttempt();
    coordinator(HOUR).attemptStarted(attempt);
    CompletableFuture<CheckpointStorage.Completed> savepoint = new CompletableFuture<>();
    CompletableFuture<CheckpointStorage.Completed> first = coordinator.triggerSavepoint(tmp.resolve("sp"), false);
    // runs on the coordinator thread when the first savepoint completes: the second savepoint's
    // request is queued there before the end of the input is reported
    CompletableFuture<Void> interleaved = first.thenRun(() -> {
      coordinator.triggerSavepoint(tmp.resolve("sp"), false).whenComplete((c, e) -> {
        if (e != null) {
          savepoint.completeExceptionally(e);
        } else {
          savepoint.complete(c);
        }
      });
      coordinator.allSubtasksEnded(attempt);
    });
    acknowledge(nextBarrier(attempt));
    interleaved.get(WAIT_SECONDS, TimeUnit.SECONDS);

    CheckpointBarrier second = nextBarrier(attempt);
    assertThat(second).isNotNull();
    assertThat(second.savepoint()).isTrue();
    acknowledge(second);
    savepoint.get(WAIT_SECONDS, TimeUnit.SECONDS);

    CheckpointBarrier last = nextBarrier(attempt);
    assertThat(last).as("the final checkpoint after the savepoint").isNotNull();
    assertThat(last.savepoint()).isFalse();
    acknowledge(last);
    assertThat(attempt.completed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(last.id() + " final");
  }

  /**
   * The input ends while a checkpoint is in flight: the final checkpoint is taken as soon as that
   * one ends, not a checkpoint interval later.
   */
  @Test
  void theInputEndingWhileACheckpointIsInFlightTriggersTheFinalCheckpointWhenItEnds() throws Exception {
    FakeAttempt attempt = new FakeAttempt();
    coordinator(HOUR).attemptStarted(attempt);
    CompletableFuture<CheckpointStorage.Completed> inFlight = coordinator.triggerSavepoint(tmp.resolve("sp"), false);
    CheckpointBarrier first = nextBarrier(attempt);
    coordinator.allSubtasksEnded(attempt);
    acknowledge(first);
    inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS);

    CheckpointBarrier last = nextBarrier(attempt);
    assertThat(last).as("the final checkpoint, without waiting for the interval").isNotNull();
    acknowledge(last);
    assertThat(attempt.completed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(last.id() + " final");
  }

  /** The same while a checkpoint in flight is aborted: the final checkpoint follows at once. */
  @Test
  void theInputEndingWhileACheckpointIsAbortedTriggersTheFinalCheckpoint() throws Exception {
    FakeAttempt attempt = new FakeAttempt();
    coordinator(HOUR).attemptStarted(attempt);
    coordinator.triggerSavepoint(tmp.resolve("sp"), false);
    CheckpointBarrier first = nextBarrier(attempt);
    coordinator.allSubtasksEnded(attempt);
    coordinator.decline(first.id(), new RuntimeException("declined"));

    CheckpointBarrier last = nextBarrier(attempt);
    assertThat(last).as("the final checkpoint after the declined one").isNotNull();
    acknowledge(last);
    assertThat(attempt.completed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(last.id() + " final");
  }

  /**
   * A savepoint requested while a periodic checkpoint is in flight waits for it instead of failing,
   * so a caller that stops the job is not starved by back-to-back periodic checkpoints.
   */
  @Test
  void aStopWithSavepointRequestedDuringACheckpointRunsWhenItEnds() throws Exception {
    FakeAttempt attempt = new FakeAttempt();
    coordinator(10).attemptStarted(attempt);
    CheckpointBarrier periodic = nextBarrier(attempt);
    assertThat(periodic.savepoint()).isFalse();
    CompletableFuture<CheckpointStorage.Completed> stop = coordinator.triggerSavepoint(tmp.resolve("sp"), true);
    acknowledge(periodic);

    CheckpointBarrier next = nextBarrier(attempt);
    assertThat(next.savepoint()).as("the savepoint goes before the next periodic checkpoint").isTrue();
    assertThat(next.stop()).isTrue();
    acknowledge(next);
    assertThat(stop.get(WAIT_SECONDS, TimeUnit.SECONDS).metadata().checkpointId()).isEqualTo(next.id());
  }

  /**
   * After a stop-with-savepoint completed the job is ending: no periodic checkpoint is triggered any
   * more (the sources have stopped and would decline it, which fails the job), and a savepoint
   * requested then fails at once.
   */
  @Test
  void nothingIsTriggeredAfterAStopWithSavepointCompleted() throws Exception {
    FakeAttempt attempt = new FakeAttempt();
    coordinator(HOUR).attemptStarted(attempt); // the first periodic checkpoint is due in an hour
    CompletableFuture<CheckpointStorage.Completed> stop = coordinator.triggerSavepoint(tmp.resolve("sp"), true);
    CheckpointBarrier barrier = nextBarrier(attempt);
    assertThat(barrier.stop()).isTrue();
    acknowledge(barrier);
    stop.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(attempt.completed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(barrier.id() + " final");
    assertThat(coordinator.periodicTriggerScheduled()).as("a periodic checkpoint still to come").isFalse();
    assertThatThrownBy(() -> coordinator.triggerSavepoint(tmp.resolve("sp"), false).get(WAIT_SECONDS, TimeUnit.SECONDS))
        .hasMessageContaining("it is stopping");
    assertThat(attempt.triggered).isEmpty();
    assertThat(attempt.failures).isEmpty();
  }
}
