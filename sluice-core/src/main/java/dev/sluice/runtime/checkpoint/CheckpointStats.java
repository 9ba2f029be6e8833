package dev.sluice.runtime.checkpoint;

import java.util.List;

/**
 * Statistics of one checkpoint.
 *
 * @param id checkpoint number
 * @param savepoint taken on request
 * @param status how it ended
 * @param triggerTimestamp epoch milliseconds of the trigger
 * @param durationMs from trigger to completion (or failure)
 * @param stateSize bytes of state it covers (with files shared with earlier checkpoints)
 * @param failure why it failed, or null
 * @param subtasks per subtask figures (empty for failed checkpoints)
 */
public record CheckpointStats(long id, boolean savepoint, Status status, long triggerTimestamp,
    long durationMs, long stateSize, String failure, List<SubtaskStats> subtasks) {
  public enum Status { COMPLETED, FAILED }

  /**
   * Bytes the subtasks wrote for this checkpoint: their state files and the files they uploaded
   * (for an incremental checkpoint, less than {@link #stateSize()}).
   */
  public long bytesWritten() {
    return subtasks.stream().mapToLong(SubtaskStats::bytes).sum();
  }

  /** The longest barrier alignment of any subtask, in milliseconds. */
  public long maxAlignmentMs() {
    return subtasks.stream().mapToLong(SubtaskStats::alignmentMs).max().orElse(0);
  }

  /** The longest synchronous part (processing paused) of any subtask, in milliseconds. */
  public long maxSyncMs() {
    return subtasks.stream().mapToLong(SubtaskStats::syncMs).max().orElse(0);
  }

  /**
   * One subtask's part of a checkpoint.
   *
   * @param task the subtask's chain name
   * @param subtask its index
   * @param alignmentMs from the first to the last barrier of its inputs
   * @param syncMs the synchronous snapshot: how long processing paused
   * @param asyncMs writing the state file in the background
   * @param bytes bytes it wrote: its state file plus, for an incremental checkpoint, the files it
   *     uploaded (shared files of earlier checkpoints it only references do not count)
   */
  public record SubtaskStats(String task, int subtask, long alignmentMs, long syncMs, long asyncMs,
      long bytes) {}
}
