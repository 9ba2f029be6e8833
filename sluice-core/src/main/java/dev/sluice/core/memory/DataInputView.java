package dev.sluice.core.memory;

import java.io.DataInput;
import java.io.IOException;

/** Where serializers read from: a {@link DataInput} that can also skip bytes. */
public interface DataInputView extends DataInput {
  /** Skips exactly {@code numBytes} bytes, or fails with an {@link java.io.EOFException}. */
  void skipBytesToRead(int numBytes) throws IOException;
}
