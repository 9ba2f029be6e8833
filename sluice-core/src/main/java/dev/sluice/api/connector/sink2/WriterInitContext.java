package dev.sluice.api.connector.sink2;

import dev.sluice.api.common.TaskInfo;

/** What a sink writer learns when it is created. */
public interface WriterInitContext {
  TaskInfo getTaskInfo();

  default int getSubtaskId() {
    return getTaskInfo().getIndexOfThisSubtask();
  }

  default int getNumberOfParallelSubtasks() {
    return getTaskInfo().getNumberOfParallelSubtasks();
  }

  /** The job's processing-time clock, in epoch milliseconds. */
  long currentProcessingTime();

  /**
   * The checkpoint or savepoint the job was restored from, empty when it started afresh. Writers
   * that name their transactions after checkpoints use it to find what an earlier run left open.
   */
  default java.util.OptionalLong getRestoredCheckpointId() {
    return java.util.OptionalLong.empty();
  }

  /**
   * The sink operator's metrics (counters and gauges a writer keeps, e.g. records skipped); they
   * appear in {@code JobExecution.metrics()} as {@code "<sink>[<subtask>].<name>"}.
   */
  default dev.sluice.runtime.metrics.OperatorMetrics metrics() {
    return new dev.sluice.runtime.metrics.OperatorMetrics();
  }
}
