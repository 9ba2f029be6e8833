package dev.sluice.runtime.state;

/** What a {@code CheckpointedFunction} learns about the checkpoint it is snapshotting for. */
public interface FunctionSnapshotContext {
  long getCheckpointId();

  /** Epoch milliseconds at which the checkpoint was triggered. */
  long getCheckpointTimestamp();
}
