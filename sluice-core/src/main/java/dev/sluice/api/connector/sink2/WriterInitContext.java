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
}
