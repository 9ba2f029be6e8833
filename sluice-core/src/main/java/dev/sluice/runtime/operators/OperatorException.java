package dev.sluice.runtime.operators;

import dev.sluice.api.common.TaskInfo;

/**
 * A failure inside an operator, with where it happened: the operator, the subtask and the position
 * of the input record (1-based count of records this operator instance had received), and the
 * record itself, abbreviated. The original exception is the cause.
 */
public final class OperatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 200;

  private final String operatorName;
  private final int subtaskIndex;
  private final long recordPosition;

  public OperatorException(String operatorName, TaskInfo task, long recordPosition, Object record,
      Throwable cause) {
    super(message(operatorName, task, recordPosition, record, cause), cause);
    this.operatorName = operatorName;
    this.subtaskIndex = task.getIndexOfThisSubtask();
    this.recordPosition = recordPosition;
  }

  public OperatorException(String operatorName, TaskInfo task, String phase, Throwable cause) {
    super("Operator '" + operatorName + "' (subtask " + (task.getIndexOfThisSubtask() + 1) + "/"
        + task.getNumberOfParallelSubtasks() + ") failed in " + phase + ": " + cause, cause);
    this.operatorName = operatorName;
    this.subtaskIndex = task.getIndexOfThisSubtask();
    this.recordPosition = -1;
  }

  private static String message(String operatorName, TaskInfo task, long position, Object record,
      Throwable cause) {
    return "Operator '" + operatorName + "' (subtask " + (task.getIndexOfThisSubtask() + 1) + "/"
        + task.getNumberOfParallelSubtasks() + ") failed on record #" + position + " ["
        + abbreviate(record) + "]: " + cause;
  }

  private static String abbreviate(Object record) {
    String text;
    try {
      text = String.valueOf(record);
    } catch (RuntimeException e) {
      text = record.getClass().getName() + " (toString failed: " + e + ")";
    }
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
  }

  public String operatorName() {
    return operatorName;
  }

  /** 0-based subtask index. */
  public int subtaskIndex() {
    return subtaskIndex;
  }

  /** 1-based position of the failing record in the operator's input, or -1 outside records. */
  public long recordPosition() {
    return recordPosition;
  }
}
