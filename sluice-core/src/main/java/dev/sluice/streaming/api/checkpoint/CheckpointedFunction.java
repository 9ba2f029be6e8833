package dev.sluice.streaming.api.checkpoint;

import dev.sluice.runtime.state.FunctionInitializationContext;
import dev.sluice.runtime.state.FunctionSnapshotContext;

/**
 * A user function with operator state (list, union-list or broadcast state not tied to a key):
 * {@link #initializeState} runs before {@code open}, on a fresh start and on a restore, and
 * registers the states; {@link #snapshotState} runs at every checkpoint, on the subtask's thread,
 * and brings the registered states up to date with the function's fields.
 */
public interface CheckpointedFunction {
  void snapshotState(FunctionSnapshotContext context) throws Exception;

  void initializeState(FunctionInitializationContext context) throws Exception;
}
