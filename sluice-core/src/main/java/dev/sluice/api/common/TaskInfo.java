package dev.sluice.api.common;

/** Identity of one parallel instance of a task. Immutable. */
public final class TaskInfo {
  private final String taskName;
  private final int indexOfThisSubtask;
  private final int numberOfParallelSubtasks;
  private final int maxNumberOfParallelSubtasks;

  public TaskInfo(String taskName, int indexOfThisSubtask, int numberOfParallelSubtasks,
      int maxNumberOfParallelSubtasks) {
    this.taskName = taskName;
    this.indexOfThisSubtask = indexOfThisSubtask;
    this.numberOfParallelSubtasks = numberOfParallelSubtasks;
    this.maxNumberOfParallelSubtasks = maxNumberOfParallelSubtasks;
  }

  public String getTaskName() {
    return taskName;
  }

  public int getIndexOfThisSubtask() {
    return indexOfThisSubtask;
  }

  public int getNumberOfParallelSubtasks() {
    return numberOfParallelSubtasks;
  }

  public int getMaxNumberOfParallelSubtasks() {
    return maxNumberOfParallelSubtasks;
  }

  /** {@code "name (2/4)"}, with a 1-based index as people count. */
  public String getTaskNameWithSubtasks() {
    return taskName + " (" + (indexOfThisSubtask + 1) + "/" + numberOfParallelSubtasks + ")";
  }

  @Override
  public String toString() {
    return getTaskNameWithSubtasks();
  }
}
