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

  /** All input has ended; the operator may emit its final results. Called at most once. */
  void finish() throws Exception;

  /** Releases resources. Called exactly once after a successful {@link #open()}, also on failure. */
  void close() throws Exception;

  /** The context given in {@link #setup}. */
  OperatorContext context();
}
