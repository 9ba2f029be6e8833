package dev.sluice.api.connector.sink2;

import java.io.IOException;
import java.util.List;

/**
 * A writer with state of its own, taken at every checkpoint after {@link
 * CommittingSinkWriter#prepareCommit} (for a committing writer) and handed back to {@link
 * SupportsWriterState#restoreWriter} on a restore. The states are redistributed over the subtasks
 * when the parallelism changes. The call also tells the writer which checkpoint its output so far
 * belongs to.
 */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {
  /** The writer's state at checkpoint {@code checkpointId}; may be empty. */
  List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
