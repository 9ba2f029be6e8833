package dev.sluice.api.common;

/** A job did not finish: it failed (the cause says where and why) or was cancelled. */
public class JobExecutionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final JobID jobId;

  public JobExecutionException(JobID jobId, String message, Throwable cause) {
    super(message, cause);
    this.jobId = jobId;
  }

  public JobID getJobID() {
    return jobId;
  }
}
