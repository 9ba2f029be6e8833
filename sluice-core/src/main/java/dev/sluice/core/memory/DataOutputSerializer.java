package dev.sluice.core.memory;

import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable heap buffer serializers write into; {@link #clear()} makes it reusable. */
public final class DataOutputSerializer implements DataOutputView {
  private byte[] buffer;
  private int position;

  public DataOutputSerializer(int initialSize) {
    this.buffer = new byte[Math.max(16, initialSize)];
  }

  public DataOutputSerializer() {
    this(256);
  }

  /** The bytes written so far, as a fresh array. */
  public byte[] getCopyOfBuffer() {
    return Arrays.copyOf(buffer, position);
  }

  /** The internal buffer; only the first {@link #length()} bytes are meaningful. */
  public byte[] getSharedBuffer() {
    return buffer;
  }

  public int length() {
    return position;
  }

  public void clear() {
    position = 0;
  }

  /** Overwrites four bytes at an earlier position (for length prefixes written afterwards). */
  public void writeIntAt(int at, int v) {
    if (at < 0 || at + 4 > position) {
      throw new IndexOutOfBoundsException("position " + at + " of " + position);
    }
    buffer[at] = (byte) (v >>> 24);
    buffer[at + 1] = (byte) (v >>> 16);
    buffer[at + 2] = (byte) (v >>> 8);
    buffer[at + 3] = (byte) v;
  }

  private void ensure(int extra) {
    int needed = position + extra;
    if (needed > buffer.length) {
      if (needed < 0) {
        throw new IllegalStateException("serialized form larger than 2 GiB");
      }
      buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buffer, position, len);
    position += len;
  }

  @Override
  public void write(DataInputView source, int numBytes) throws IOException {
    ensure(numBytes);
    source.readFully(buffer, position, numBytes);
    position += numBytes;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    buffer[position++] = (byte) (v >>> 8);
    buffer[position++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    buffer[position++] = (byte) (v >>> 24);
    buffer[position++] = (byte) (v >>> 16);
    buffer[position++] = (byte) (v >>> 8);
    buffer[position++] = (byte) v;
  }

  @Override
  public void writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[position++] = (byte) (v >>> shift);
    }
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    int len = s.length();
    ensure(len);
    for (int i = 0; i < len; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    int len = s.length();
    ensure(2 * len);
    for (int i = 0; i < len; i++) {
      writeChar(s.charAt(i));
    }
  }

  /**
   * Writes a string as a length-prefixed UTF-8 byte sequence. Unlike {@link
   * java.io.DataOutputStream#writeUTF}, there is no 64 KiB limit; read it back with {@link
   * DataInputDeserializer#readUTF()}.
   */
  @Override
  public void writeUTF(String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 0) {
      throw new UTFDataFormatException("string too long");
    }
    writeInt(bytes.length);
    write(bytes);
  }
}
