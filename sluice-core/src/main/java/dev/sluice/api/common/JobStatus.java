package dev.sluice.api.common;

/** The states of a job. Terminal states: FINISHED, FAILED, CANCELED. */
public enum JobStatus {
  CREATED,
  RUNNING,
  FAILING,
  RESTARTING,
  FAILED,
  CANCELLING,
  CANCELED,
  FINISHED;

  public boolean isTerminalState() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
