package dev.sluice.runtime.operators;

/**
 * An operator of a running subtask. All methods are called on the subtask's thread, in the order
 * {@code setup → open → (process… | processWatermark)* → finish → close}.
 */
public interface StreamOperator<OUT> {
  /** Gives the operator its context and output; called once before {@link #open()}. */
  void setup(OperatorContext context, Output<OUT> output);

  /** Prepares the operator (opens user functions). */
  void open() throws Exception;

  /** Event time of all inputs has advanced to {@code watermark}. Default: forward it. */
  void processWatermark(long watermark) throws Exception;

  /**
   * Every input channel of the subtask that has not ended became idle ({@code true}: no records
   * and no watermarks for a while, event time held where it is) or one became active again. Only
   * the head operator of a chain is told (chained operators see what the head emits). Default:
   * nothing; the subtask tells downstream subtasks itself.
   */
  default void processIdleStatus(boolean idle) throws Exception {}

  /** All input has ended; the operator may emit its final results. Called at most once. */
  void finish() throws Exception;

  /** Releases resources. Called exactly once after a successful {@link #open()}, also on failure. */
  void close() throws Exception;

  /**
   * Loads the operator's state from a checkpoint ({@code restore} is empty on a fresh start).
   * Called once, after {@link #setup} and before {@link #open()}.
   */
  default void initializeState(dev.sluice.runtime.checkpoint.OperatorRestore restore) throws Exception {}

  /** Hands copies of the operator's state to a checkpoint, at its barrier. */
  default void snapshotState(dev.sluice.runtime.checkpoint.SnapshotContext context) throws Exception {}

  /** A checkpoint this operator took part in is complete (two-phase-commit sinks commit now). */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** The context given in {@link #setup}. */
  OperatorContext context();
}
