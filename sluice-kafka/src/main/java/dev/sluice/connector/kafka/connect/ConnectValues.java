package dev.sluice.connector.kafka.connect;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes the values Connect keeps as source partitions and offsets — maps of strings, numbers,
 * booleans and bytes (lists and nested maps too) — keeping their Java types, so that a task reads
 * back a {@code Long} where it stored a {@code Long}.
 */
final class ConnectValues {
  private ConnectValues() {}

  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int LONG = 2;
  private static final int INT = 3;
  private static final int SHORT = 4;
  private static final int BYTE = 5;
  private static final int BOOLEAN = 6;
  private static final int DOUBLE = 7;
  private static final int FLOAT = 8;
  private static final int BYTES = 9;
  private static final int BYTE_BUFFER = 10;
  private static final int LIST = 11;
  private static final int MAP = 12;

  static void write(Object value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      writeString(s, out);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (value instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (value instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (value instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeFloat(f);
    } else if (value instanceof byte[] bytes) {
      out.writeByte(BYTES);
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      out.writeByte(BYTE_BUFFER);
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object o : list) {
        write(o, out);
      }
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        write(e.getKey(), out);
        write(e.getValue(), out);
      }
    } else {
      throw new IOException("a source partition or offset holds a " + value.getClass().getName()
          + " (" + value + "); Connect offsets may only hold strings, numbers, booleans, bytes, lists and maps");
    }
  }

  static Object read(DataInputView in) throws IOException {
    int tag = in.readByte();
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        return readString(in);
      case LONG:
        return in.readLong();
      case INT:
        return in.readInt();
      case SHORT:
        return in.readShort();
      case BYTE:
        return in.readByte();
      case BOOLEAN:
        return in.readBoolean();
      case DOUBLE:
        return in.readDouble();
      case FLOAT:
        return in.readFloat();
      case BYTES:
      case BYTE_BUFFER: {
        byte[] bytes = new byte[length(in)];
        in.readFully(bytes);
        return tag == BYTES ? bytes : ByteBuffer.wrap(bytes);
      }
      case LIST: {
        int n = length(in);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(read(in));
        }
        return list;
      }
      case MAP: {
        int n = length(in);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          map.put(read(in), read(in));
        }
        return map;
      }
      default:
        throw new IOException("unknown value tag " + tag + " (corrupt data)");
    }
  }

  /** A map with string keys (a source partition or offset). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readStringMap(DataInputView in) throws IOException {
    Object o = read(in);
    if (o != null && !(o instanceof Map<?, ?>)) {
      throw new IOException("expected a map, found " + o.getClass().getName() + " (corrupt data)");
    }
    return (Map<String, Object>) o;
  }

  static void writeString(String s, DataOutputView out) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputView in) throws IOException {
    byte[] bytes = new byte[length(in)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static void writeStringMap(Map<String, String> map, DataOutputView out) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      writeString(e.getKey(), out);
      out.writeBoolean(e.getValue() != null);
      if (e.getValue() != null) {
        writeString(e.getValue(), out);
      }
    }
  }

  static Map<String, String> readStringStringMap(DataInputView in) throws IOException {
    int n = length(in);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String k = readString(in);
      map.put(k, in.readBoolean() ? readString(in) : null);
    }
    return map;
  }

  private static int length(DataInputView in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative length " + n + " (corrupt data)");
    }
    return n;
  }
}
