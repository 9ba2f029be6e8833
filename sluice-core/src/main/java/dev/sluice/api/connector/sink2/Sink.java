package dev.sluice.api.connector.sink2;

import java.io.IOException;
import java.io.Serializable;

/** Writes a stream to an external system. One writer is created per parallel subtask. */
public interface Sink<InputT> extends Serializable {
  SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}
