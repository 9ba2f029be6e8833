package dev.sluice.core.memory;

import java.io.DataOutput;
import java.io.IOException;

/** Where serializers write: a {@link DataOutput} that can also skip-write raw byte ranges. */
public interface DataOutputView extends DataOutput {
  /** Copies {@code numBytes} bytes from {@code source} to this output. */
  void write(DataInputView source, int numBytes) throws IOException;
}
