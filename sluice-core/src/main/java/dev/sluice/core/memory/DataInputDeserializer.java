package dev.sluice.core.memory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads what a {@link DataOutputSerializer} wrote, from a byte range; reusable via {@link #setBuffer}. */
public final class DataInputDeserializer implements DataInputView {
  private byte[] buffer;
  private int position;
  private int end;

  public DataInputDeserializer() {
    this(new byte[0]);
  }

  public DataInputDeserializer(byte[] buffer) {
    setBuffer(buffer, 0, buffer.length);
  }

  public DataInputDeserializer(byte[] buffer, int start, int length) {
    setBuffer(buffer, start, length);
  }

  public void setBuffer(byte[] buffer, int start, int length) {
    if (start < 0 || length < 0 || start + length > buffer.length) {
      throw new IndexOutOfBoundsException(start + "+" + length + " of " + buffer.length);
    }
    this.buffer = buffer;
    this.position = start;
    this.end = start + length;
  }

  public void setBuffer(byte[] buffer) {
    setBuffer(buffer, 0, buffer.length);
  }

  /** Bytes left to read. */
  public int available() {
    return end - position;
  }

  public int getPosition() {
    return position;
  }

  private void need(int n) throws EOFException {
    if (end - position < n) {
      throw new EOFException(
          "needed " + n + " more bytes, " + (end - position) + " left (truncated or corrupt data)");
    }
  }

  @Override
  public void skipBytesToRead(int numBytes) throws IOException {
    need(numBytes);
    position += numBytes;
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    need(len);
    System.arraycopy(buffer, position, b, off, len);
    position += len;
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    need(1);
    return buffer[position++];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xff;
  }

  @Override
  public short readShort() throws IOException {
    need(2);
    short v = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
    position += 2;
    return v;
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xffff;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws IOException {
    need(4);
    int v =
        ((buffer[position] & 0xff) << 24)
            | ((buffer[position + 1] & 0xff) << 16)
            | ((buffer[position + 2] & 0xff) << 8)
            | (buffer[position + 3] & 0xff);
    position += 4;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buffer[position + i] & 0xff);
    }
    position += 8;
    return v;
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  @Override
  public String readLine() {
    throw new UnsupportedOperationException("readLine: use readUTF");
  }

  /** Reads a string written by {@link DataOutputSerializer#writeUTF(String)}. */
  @Override
  public String readUTF() throws IOException {
    int len = readInt();
    if (len < 0) {
      throw new IOException("negative string length " + len + " (corrupt data)");
    }
    need(len);
    String s = new String(buffer, position, len, StandardCharsets.UTF_8);
    position += len;
    return s;
  }
}
