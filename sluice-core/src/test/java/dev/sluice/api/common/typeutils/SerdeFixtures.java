package dev.sluice.api.common.typeutils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Types and helpers shared by the serializer tests. */
public final class SerdeFixtures {
  private SerdeFixtures() {}

  public enum Color { RED, GREEN, BLUE }

  public record Point(int x, Integer y, String label) {}

  public record Shape(String name, List<Point> points, Map<String, Color> colors) {}

  /** A POJO superclass with a public field. */
  public static class Base {
    public String id;
  }

  /** A POJO with fields of its own (private, with accessors) and an inherited one. */
  public static class Item extends Base {
    private long quantity;
    private List<String> tags;
    public Point where;

    public long getQuantity() {
      return quantity;
    }

    public void setQuantity(long quantity) {
      this.quantity = quantity;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item other && Objects.equals(id, other.id) && quantity == other.quantity
          && Objects.equals(tags, other.tags) && Objects.equals(where, other.where);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, quantity, tags, where);
    }

    @Override
    public String toString() {
      return "Item(" + id + ", " + quantity + ", " + tags + ", " + where + ")";
    }
  }

  /** Not encodable: private fields without accessors and no no-argument constructor. */
  public static final class Opaque {
    private final String secret;

    public Opaque(String secret) {
      this.secret = secret;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Opaque other && other.secret.equals(secret);
    }

    @Override
    public int hashCode() {
      return secret.hashCode();
    }

    @Override
    public String toString() {
      return secret;
    }
  }

  /** A user's serializer for a class Sluice cannot encode by itself. */
  public static final class OpaqueSerializer extends TypeSerializerSingleton<Opaque> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Opaque record, DataOutputView target) throws IOException {
      target.writeUTF(record.toString());
    }

    @Override
    public Opaque deserialize(DataInputView source) throws IOException {
      return new Opaque(source.readUTF());
    }

    @Override
    public TypeSerializerSnapshot<Opaque> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Format of {@link OpaqueSerializer}. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Opaque> {
      public Snapshot() {
        super(OpaqueSerializer::new);
      }
    }
  }

  /** Serializes, deserializes and checks that every byte was read. */
  public static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    return read(serializer, write(serializer, value));
  }

  public static <T> byte[] write(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  public static <T> T read(TypeSerializer<T> serializer, byte[] bytes) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    T value = serializer.deserialize(in);
    assertThat(in.available()).as("bytes left after reading").isZero();
    return value;
  }

  /** Writes the snapshot as a checkpoint would and reads it back through {@code loader}. */
  public static <T> TypeSerializerSnapshot<T> snapshotRoundTrip(
      TypeSerializer<?> serializer, ClassLoader loader) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    TypeSerializerSnapshots.write(serializer.snapshotConfiguration(), out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    TypeSerializerSnapshot<T> snapshot = TypeSerializerSnapshots.read(in, loader);
    assertThat(in.available()).isZero();
    return snapshot;
  }
}
