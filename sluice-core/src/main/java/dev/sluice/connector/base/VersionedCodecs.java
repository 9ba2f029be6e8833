package dev.sluice.connector.base;

import dev.sluice.core.io.SimpleVersionedSerializer;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Small building blocks for connectors' {@link SimpleVersionedSerializer}s: a codec from a pair
 * of write/read functions, and a list of such values (for enumerators whose checkpoint is the
 * list of splits not yet assigned).
 */
public final class VersionedCodecs {
  private VersionedCodecs() {}

  /** Writes one value. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(T value, DataOutputView out) throws IOException;
  }

  /** Reads one value written in format {@code version}. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(int version, DataInputView in) throws IOException;
  }

  /** A serializer of format {@code version} from a writer and a reader. */
  public static <T> SimpleVersionedSerializer<T> of(int version, Writer<T> writer, Reader<T> reader) {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return version;
      }

      @Override
      public byte[] serialize(T obj) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        writer.write(obj, out);
        return out.getCopyOfBuffer();
      }

      @Override
      public T deserialize(int v, byte[] serialized) throws IOException {
        if (v > version) {
          throw new IOException("format version " + v + " is newer than this connector reads (" + version + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        T value = reader.read(v, in);
        if (in.available() != 0) {
          throw new IOException(in.available() + " unexpected trailing bytes (corrupt data)");
        }
        return value;
      }
    };
  }

  /** A serializer of lists of values, each encoded by {@code element}. */
  public static <T> SimpleVersionedSerializer<List<T>> listOf(int version, Writer<T> element, Reader<T> reader) {
    return of(version, (list, out) -> {
      out.writeInt(list.size());
      for (T t : list) {
        element.write(t, out);
      }
    }, (v, in) -> {
      int n = in.readInt();
      if (n < 0) {
        throw new IOException("negative list size (corrupt data)");
      }
      List<T> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(reader.read(v, in));
      }
      return list;
    });
  }
}
