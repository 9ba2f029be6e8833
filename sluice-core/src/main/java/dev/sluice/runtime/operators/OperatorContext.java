package dev.sluice.runtime.operators;

import dev.sluice.api.common.TaskInfo;
import dev.sluice.api.common.functions.RuntimeContext;
import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.time.ProcessingTimeService;
import java.util.function.LongSupplier;

/**
 * What the runtime gives one operator instance: its name, the subtask it runs in, the job, the
 * keyed state of the subtask (for keyed operators) and the processing-time clock.
 */
public final class OperatorContext {
  private final String operatorName;
  private final TaskInfo taskInfo;
  private final String jobName;
  private final KeyedStateBackend keyedState;
  private final ProcessingTimeService processingTime;
  private final RuntimeContext runtimeContext;
  private final long autoWatermarkIntervalMs;
  private final OperatorMetrics metrics = new OperatorMetrics();

  /** A context whose processing-time callbacks fire when its owner calls {@code fireDue()}. */
  public OperatorContext(String operatorName, TaskInfo taskInfo, String jobName,
      KeyedStateBackend keyedState, LongSupplier processingTimeClock) {
    this(operatorName, taskInfo, jobName, keyedState, new ProcessingTimeService(processingTimeClock));
  }

  public OperatorContext(String operatorName, TaskInfo taskInfo, String jobName,
      KeyedStateBackend keyedState, ProcessingTimeService processingTime) {
    this(operatorName, taskInfo, jobName, keyedState, processingTime, DEFAULT_AUTO_WATERMARK_INTERVAL);
  }

  /** Default period of watermark generation, in ms. */
  public static final long DEFAULT_AUTO_WATERMARK_INTERVAL = 200;

  public OperatorContext(String operatorName, TaskInfo taskInfo, String jobName,
      KeyedStateBackend keyedState, ProcessingTimeService processingTime,
      long autoWatermarkIntervalMs) {
    this.autoWatermarkIntervalMs = autoWatermarkIntervalMs;
    this.operatorName = operatorName;
    this.taskInfo = taskInfo;
    this.jobName = jobName;
    this.keyedState = keyedState;
    this.processingTime = processingTime;
    this.runtimeContext = new StreamingRuntimeContext(this);
  }

  public String operatorName() {
    return operatorName;
  }

  public TaskInfo taskInfo() {
    return taskInfo;
  }

  public String jobName() {
    return jobName;
  }

  private boolean checkpointing;

  /** Whether the job takes checkpoints (sinks then commit on checkpoint completion). */
  public boolean isCheckpointingEnabled() {
    return checkpointing;
  }

  public void setCheckpointingEnabled(boolean checkpointing) {
    this.checkpointing = checkpointing;
  }

  /** The keyed state of this subtask, or null when the operator is not keyed. */
  public KeyedStateBackend keyedState() {
    return keyedState;
  }

  public long currentProcessingTime() {
    return processingTime.currentProcessingTime();
  }

  /** How often watermark generators run, in ms (0: never periodically). */
  public long autoWatermarkIntervalMs() {
    return autoWatermarkIntervalMs;
  }

  /** The subtask's processing-time callbacks. */
  public ProcessingTimeService processingTimeService() {
    return processingTime;
  }

  public RuntimeContext runtimeContext() {
    return runtimeContext;
  }

  /** This operator instance's metrics (written by its subtask thread, readable from any). */
  public OperatorMetrics metrics() {
    return metrics;
  }
}
