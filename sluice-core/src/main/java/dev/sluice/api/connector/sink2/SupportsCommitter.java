package dev.sluice.api.connector.sink2;

import java.io.IOException;

/** Implemented by a {@link Sink} whose writers are {@link CommittingSinkWriter}s. */
public interface SupportsCommitter<CommT> {
  Committer<CommT> createCommitter() throws IOException;

  /**
   * Encodes committables for checkpoints (output written but not yet committed). A sink that
   * returns null cannot be used in a job that checkpoints.
   */
  default dev.sluice.core.io.SimpleVersionedSerializer<CommT> getCommittableSerializer() {
    return null;
  }
}
