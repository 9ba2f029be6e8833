package dev.sluice.runtime.checkpoint;

import dev.sluice.core.execution.CheckpointingMode;
import java.nio.file.Path;

/**
 * Checkpointing of one job, as configured.
 *
 * @param intervalMs time between the starts of two periodic checkpoints
 * @param mode exactly-once (aligned barriers) or at-least-once
 * @param storage base directory of {@code chk-<n>} directories
 * @param timeoutMs a checkpoint not complete by then is abandoned
 * @param minPauseMs least time between the end of one checkpoint and the start of the next
 * @param retained completed checkpoints kept
 * @param resumeFromLatest whether a new run starts from the newest valid checkpoint in storage
 * @param tolerableFailures failed checkpoints in a row the job accepts before it fails
 */
public record CheckpointSettings(long intervalMs, CheckpointingMode mode, Path storage,
    long timeoutMs, long minPauseMs, int retained, boolean resumeFromLatest, int tolerableFailures) {
  public boolean exactlyOnce() {
    return mode == CheckpointingMode.EXACTLY_ONCE;
  }
}
