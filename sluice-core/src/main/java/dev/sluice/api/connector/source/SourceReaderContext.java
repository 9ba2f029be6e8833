package dev.sluice.api.connector.source;

import dev.sluice.api.common.TaskInfo;

/** The runtime as a source reader sees it. */
public interface SourceReaderContext {
  TaskInfo getTaskInfo();

  default int getIndexOfSubtask() {
    return getTaskInfo().getIndexOfThisSubtask();
  }

  default int currentParallelism() {
    return getTaskInfo().getNumberOfParallelSubtasks();
  }

  /** Asks the enumerator for a split; the answer arrives through {@link SourceReader#addSplits}. */
  void sendSplitRequest();

  /** The job's processing-time clock, in epoch milliseconds. */
  long currentProcessingTime();

  /**
   * The source operator's metrics (counters and gauges a reader keeps, e.g. records skipped);
   * they appear in {@code JobExecution.metrics()} as {@code "<source>[<subtask>].<name>"}.
   */
  default dev.sluice.runtime.metrics.OperatorMetrics metrics() {
    return new dev.sluice.runtime.metrics.OperatorMetrics();
  }
}
