package dev.sluice.util;

import java.util.Iterator;

/** An iterator holding resources (a running job, for example) that {@link #close()} releases. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close() throws Exception;
}
