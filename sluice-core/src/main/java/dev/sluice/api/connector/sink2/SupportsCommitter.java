package dev.sluice.api.connector.sink2;

import java.io.IOException;

/** Implemented by a {@link Sink} whose writers are {@link CommittingSinkWriter}s. */
public interface SupportsCommitter<CommT> {
  Committer<CommT> createCommitter() throws IOException;
}
