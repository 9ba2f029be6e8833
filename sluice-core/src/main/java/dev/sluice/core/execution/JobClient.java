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
}
