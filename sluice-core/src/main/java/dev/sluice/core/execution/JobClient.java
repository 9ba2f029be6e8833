package dev.sluice.core.execution;

import dev.sluice.api.common.JobExecutionResult;
import dev.sluice.api.common.JobID;
import dev.sluice.api.common.JobStatus;
import java.util.concurrent.CompletableFuture;

/** A handle on a running job, from {@code executeAsync()}. Thread-safe. */
public interface JobClient {
  JobID getJobID();

  CompletableFuture<JobStatus> getJobStatus();

  /** Cancels the job; the future completes once every thread of the job has stopped. */
  CompletableFuture<Void> cancel();

  /**
   * Completes with the result when the job finishes; exceptionally with a {@code
   * JobExecutionException} when it fails or a {@code JobCancellationException} when cancelled.
   */
  CompletableFuture<JobExecutionResult> getJobExecutionResult();

  /**
   * The operators' metrics now (a snapshot), keyed {@code "<operator>[<subtask>].<metric>"}: e.g.
   * {@code currentWatermark}, {@code numLateRecordsDropped}. Readable while the job runs and after.
   */
  java.util.Map<String, Long> metrics();

  /**
   * Takes a savepoint into a new directory under {@code directory} while the job keeps running;
   * completes with the savepoint's path. Needs checkpointing to be enabled.
   */
  default CompletableFuture<String> triggerSavepoint(String directory) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("savepoints"));
  }

  /**
   * Takes a savepoint and stops the job (sources stop after it, sinks commit, the job ends as
   * FINISHED); completes with the savepoint's path once the job has ended. If the savepoint fails,
   * completes exceptionally at once and the job runs on (its sources resume). If the job fails
   * after the savepoint completed, it is not restarted (it ends FAILED; the savepoint is valid).
   */
  default CompletableFuture<String> stopWithSavepoint(String directory) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("savepoints"));
  }

  /** Statistics of the job's checkpoints and savepoints so far, oldest first. */
  default java.util.List<dev.sluice.runtime.checkpoint.CheckpointStats> checkpointStatistics() {
    return java.util.List.of();
  }
}
