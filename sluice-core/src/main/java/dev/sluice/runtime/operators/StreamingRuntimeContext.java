package dev.sluice.runtime.operators;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.functions.RuntimeContext;

/** The {@link RuntimeContext} handed to rich functions. */
final class StreamingRuntimeContext implements RuntimeContext {
  private final OperatorContext context;

  StreamingRuntimeContext(OperatorContext context) {
    this.context = context;
  }

  @Override
  public TaskInfo getTaskInfo() {
    return context.taskInfo();
  }

  @Override
  public String getJobName() {
    return context.jobName();
  }
}
