package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code boolean[]}: the length (int), then one byte per element. */
public final class BooleanPrimitiveArraySerializer extends TypeSerializerSingleton<boolean[]> {
  private static final long serialVersionUID = 1L;

  public static final BooleanPrimitiveArraySerializer INSTANCE = new BooleanPrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public boolean[] copy(boolean[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(boolean[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (boolean v : record) {
      target.writeBoolean(v);
    }
  }

  @Override
  public boolean[] deserialize(DataInputView source) throws IOException {
    boolean[] array = new boolean[ArrayLengths.read(source, 1)];
    for (int i = 0; i < array.length; i++) {
      array[i] = source.readBoolean();
    }
    return array;
  }

  @Override
  public String toString() {
    return "boolean[]";
  }

  @Override
  public TypeSerializerSnapshot<boolean[]> snapshotConfiguration() {
    return new BooleanPrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link BooleanPrimitiveArraySerializer}. */
  public static final class BooleanPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<boolean[]> {
    public BooleanPrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
