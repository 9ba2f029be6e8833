package dev.sluice.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * Makes staged output visible. Must be idempotent: a committable that was already committed (before
 * a failure) is committed again without harm.
 */
public interface Committer<CommT> extends AutoCloseable {
  void commit(Collection<CommT> committables) throws IOException, InterruptedException;

  @Override
  default void close() throws Exception {}
}
