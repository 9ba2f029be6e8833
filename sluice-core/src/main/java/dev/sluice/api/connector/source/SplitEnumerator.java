package dev.sluice.api.connector.source;

import java.io.IOException;
import java.util.List;

/**
 * Finds splits and assigns them to readers. All methods are called on the job's coordinator
 * thread, one at a time.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {
  /** Starts discovery; may schedule periodic work with {@link SplitEnumeratorContext#callAsync}. */
  void start();

  /** The reader of {@code subtaskId} asks for a split. */
  void handleSplitRequest(int subtaskId);

  /** Splits that were assigned to a reader that failed go back to the enumerator. */
  void addSplitsBack(List<SplitT> splits, int subtaskId);

  /** The reader of {@code subtaskId} has started. */
  void addReader(int subtaskId);

  /** The enumerator's state for a checkpoint (unassigned splits, discovery position). */
  CheckpointT snapshotState(long checkpointId) throws Exception;

  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  @Override
  void close() throws IOException;
}
