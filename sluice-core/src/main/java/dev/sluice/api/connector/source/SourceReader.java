package dev.sluice.api.connector.source;

import java.util.List;

/**
 * Reads the splits assigned to one subtask. All methods are called on that subtask's thread, first
 * {@link #start()}, and must not block.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {
  void start();

  /**
   * Emits the records that are ready — a small bounded number per call, so that backpressure and
   * other work get their turn — and says whether more are ready.
   */
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  /** The splits this reader holds, with their current positions, for a checkpoint. */
  List<SplitT> snapshotState(long checkpointId);

  void addSplits(List<SplitT> splits);

  /** No more splits will come; end once the current ones are read. */
  void notifyNoMoreSplits();

  default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
