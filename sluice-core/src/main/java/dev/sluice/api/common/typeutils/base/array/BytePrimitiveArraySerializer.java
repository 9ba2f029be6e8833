package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code byte[]}: the length (int), then the bytes. */
public final class BytePrimitiveArraySerializer extends TypeSerializerSingleton<byte[]> {
  private static final long serialVersionUID = 1L;

  public static final BytePrimitiveArraySerializer INSTANCE = new BytePrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public byte[] copy(byte[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(byte[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    target.write(record);
  }

  @Override
  public byte[] deserialize(DataInputView source) throws IOException {
    byte[] array = new byte[ArrayLengths.read(source, 1)];
    source.readFully(array);
    return array;
  }

  @Override
  public String toString() {
    return "byte[]";
  }

  @Override
  public TypeSerializerSnapshot<byte[]> snapshotConfiguration() {
    return new BytePrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link BytePrimitiveArraySerializer}. */
  public static final class BytePrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<byte[]> {
    public BytePrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
