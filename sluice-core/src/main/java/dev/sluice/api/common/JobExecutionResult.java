package dev.sluice.api.common;

import java.time.Duration;

/** What a finished job reports. */
public final class JobExecutionResult {
  private final JobID jobId;
  private final String jobName;
  private final long netRuntimeMillis;

  public JobExecutionResult(JobID jobId, String jobName, long netRuntimeMillis) {
    this.jobId = jobId;
    this.jobName = jobName;
    this.netRuntimeMillis = netRuntimeMillis;
  }

  public JobID getJobID() {
    return jobId;
  }

  public String getJobName() {
    return jobName;
  }

  /** Wall-clock run time in milliseconds. */
  public long getNetRuntime() {
    return netRuntimeMillis;
  }

  public Duration getNetRuntimeDuration() {
    return Duration.ofMillis(netRuntimeMillis);
  }

  @Override
  public String toString() {
    return "JobExecutionResult(" + jobName + ", " + jobId + ", " + netRuntimeMillis + " ms)";
  }
}
