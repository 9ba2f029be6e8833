package dev.sluice.api.connector.sink2;

import dev.sluice.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/**
 * Implemented by a {@link Sink} whose writers are {@link StatefulSinkWriter}s that keep state in
 * checkpoints. On a restore the writer is made by {@link #restoreWriter} (with this subtask's share
 * of the states, possibly none) instead of {@link Sink#createWriter}.
 */
public interface SupportsWriterState<InputT, WriterStateT> {
  StatefulSinkWriter<InputT, WriterStateT> restoreWriter(WriterInitContext context,
      Collection<WriterStateT> recoveredState) throws IOException;

  /** Encodes the writer states in checkpoints. */
  SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
