package dev.sluice.api.common;

/** The job was cancelled before it finished. */
public final class JobCancellationException extends JobExecutionException {
  private static final long serialVersionUID = 1L;

  public JobCancellationException(JobID jobId, String jobName) {
    super(jobId, "Job '" + jobName + "' was cancelled", null);
  }
}
