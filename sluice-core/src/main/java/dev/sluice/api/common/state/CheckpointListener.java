package dev.sluice.api.common.state;

/**
 * Implemented by user functions (and connectors) that act when a checkpoint completes, such as
 * committing output that the checkpoint covers. Called on the subtask's thread.
 */
public interface CheckpointListener {
  /** Checkpoint {@code checkpointId} is complete: everything before its barrier is durable. */
  void notifyCheckpointComplete(long checkpointId) throws Exception;

  /** Checkpoint {@code checkpointId} was abandoned. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
