package dev.sluice.api.common.functions;

import dev.sluice.api.common.TaskInfo;

/**
 * What a rich function learns about the parallel instance that runs it. Obtained from
 * {@link RichFunction#getRuntimeContext()} once the function has been opened.
 */
public interface RuntimeContext {
  /** The subtask's identity: task name, index, parallelism, max parallelism. */
  TaskInfo getTaskInfo();

  /** Name of the job this function runs in. */
  String getJobName();

  /** Shortcut for {@code getTaskInfo().getIndexOfThisSubtask()}. */
  default int getIndexOfThisSubtask() {
    return getTaskInfo().getIndexOfThisSubtask();
  }

  /** Shortcut for {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
  default int getNumberOfParallelSubtasks() {
    return getTaskInfo().getNumberOfParallelSubtasks();
  }

  /** Shortcut for {@code getTaskInfo().getMaxNumberOfParallelSubtasks()}. */
  default int getMaxNumberOfParallelSubtasks() {
    return getTaskInfo().getMaxNumberOfParallelSubtasks();
  }

  /** Class loader of the user code (the application's class loader when embedded). */
  default ClassLoader getUserCodeClassLoader() {
    return Thread.currentThread().getContextClassLoader();
  }
}
