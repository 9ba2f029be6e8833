package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code short[]}: the length (int), then each element big-endian. */
public final class ShortPrimitiveArraySerializer extends TypeSerializerSingleton<short[]> {
  private static final long serialVersionUID = 1L;

  public static final ShortPrimitiveArraySerializer INSTANCE = new ShortPrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public short[] copy(short[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(short[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (short v : record) {
      target.writeShort(v);
    }
  }

  @Override
  public short[] deserialize(DataInputView source) throws IOException {
    short[] array = new short[ArrayLengths.read(source, 2)];
    for (int i = 0; i < array.length; i++) {
      array[i] = source.readShort();
    }
    return array;
  }

  @Override
  public String toString() {
    return "short[]";
  }

  @Override
  public TypeSerializerSnapshot<short[]> snapshotConfiguration() {
    return new ShortPrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link ShortPrimitiveArraySerializer}. */
  public static final class ShortPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<short[]> {
    public ShortPrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
