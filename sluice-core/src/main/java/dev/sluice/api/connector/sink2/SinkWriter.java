package dev.sluice.api.connector.sink2;

import java.io.IOException;

/**
 * Writes the elements of one subtask. Called on the subtask's thread. A writer that talks to a
 * blocking client may block in {@link #write}; it then holds its worker thread, so such sinks
 * should buffer and hand slow work to a thread of their own.
 */
public interface SinkWriter<InputT> extends AutoCloseable {
  void write(InputT element, Context context) throws IOException, InterruptedException;

  /** Flushes buffered data; {@code endOfInput} is true once, when the bounded input has ended. */
  void flush(boolean endOfInput) throws IOException, InterruptedException;

  /** Event time has advanced. */
  default void writeWatermark(long watermark) throws IOException, InterruptedException {}

  @Override
  void close() throws Exception;

  /** Facts about the element being written. */
  interface Context {
    /** Current watermark of the subtask. */
    long currentWatermark();

    /** The element's timestamp, or null when it has none. */
    Long timestamp();
  }
}
