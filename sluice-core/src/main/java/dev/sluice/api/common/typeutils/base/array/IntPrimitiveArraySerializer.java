package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code int[]}: the length (int), then each element big-endian. */
public final class IntPrimitiveArraySerializer extends TypeSerializerSingleton<int[]> {
  private static final long serialVersionUID = 1L;

  public static final IntPrimitiveArraySerializer INSTANCE = new IntPrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public int[] copy(int[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(int[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (int v : record) {
      target.writeInt(v);
    }
  }

  @Override
  public int[] deserialize(DataInputView source) throws IOException {
    int[] array = new int[ArrayLengths.read(source, 4)];
    for (int i = 0; i < array.length; i++) {
      array[i] = source.readInt();
    }
    return array;
  }

  @Override
  public String toString() {
    return "int[]";
  }

  @Override
  public TypeSerializerSnapshot<int[]> snapshotConfiguration() {
    return new IntPrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link IntPrimitiveArraySerializer}. */
  public static final class IntPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<int[]> {
    public IntPrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
