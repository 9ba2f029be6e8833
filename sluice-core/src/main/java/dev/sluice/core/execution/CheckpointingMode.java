package dev.sluice.core.execution;

/**
 * The guarantee checkpoints give. {@link #EXACTLY_ONCE} aligns barriers at subtasks with several
 * inputs, so each checkpoint reflects every record before it and none after; {@link
 * #AT_LEAST_ONCE} does not hold inputs back, so after a restore some records may be applied twice.
 */
public enum CheckpointingMode {
  EXACTLY_ONCE,
  AT_LEAST_ONCE
}
