package dev.sluice.api.connector.sink2;

import java.time.Duration;

/**
 * Implemented by a sink whose correctness depends on how the job checkpoints (a transaction must
 * outlive the time to its commit, say). Called when a checkpointing job is built; a sink that
 * cannot work with these settings throws an {@link IllegalArgumentException} that explains why and
 * what to change.
 */
public interface SupportsCheckpointValidation {
  /**
   * @param checkpointInterval time between checkpoints
   * @param checkpointTimeout the longest a checkpoint may take
   */
  void validateCheckpointing(Duration checkpointInterval, Duration checkpointTimeout);
}
