package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.core.memory.DataInputView;
import java.io.IOException;

/** Reads an array length and checks it against corrupt data before an array is allocated. */
final class ArrayLengths {
  private ArrayLengths() {}

  /** Reads a length written as an int; fails if negative or larger than 2 GiB of elements. */
  static int read(DataInputView source, int bytesPerElement) throws IOException {
    int length = source.readInt();
    if (length < 0 || (long) length * bytesPerElement > Integer.MAX_VALUE) {
      throw new IOException("invalid array length " + length + " (corrupt data)");
    }
    return length;
  }
}
