package dev.sluice.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Writes one element to a stream of bytes, as a row of a row-format file. An encoder writes its own
 * separator (a newline, a length prefix) and must not close the stream.
 */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
  void encode(IN element, OutputStream stream) throws IOException;
}
