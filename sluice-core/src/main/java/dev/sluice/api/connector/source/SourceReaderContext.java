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
}
