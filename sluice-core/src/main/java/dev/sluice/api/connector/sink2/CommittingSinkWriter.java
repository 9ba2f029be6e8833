package dev.sluice.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/** A writer that stages its output and hands committables to a {@link Committer}. */
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {
  /** Closes the current stage and returns what must be committed; called after {@link #flush}. */
  Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
