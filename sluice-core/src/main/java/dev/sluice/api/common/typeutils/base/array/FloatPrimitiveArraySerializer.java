package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code float[]}: the length (int), then each element's IEEE 754 bits, big-endian. */
public final class FloatPrimitiveArraySerializer extends TypeSerializerSingleton<float[]> {
  private static final long serialVersionUID = 1L;

  public static final FloatPrimitiveArraySerializer INSTANCE = new FloatPrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public float[] copy(float[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(float[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (float v : record) {
      target.writeFloat(v);
    }
  }

  @Override
  public float[] deserialize(DataInputView source) throws IOException {
    float[] array = new float[ArrayLengths.read(source, 4)];
    for (int i = 0; i < array.length; i++) {
      array[i] = source.readFloat();
    }
    return array;
  }

  @Override
  public String toString() {
    return "float[]";
  }

  @Override
  public TypeSerializerSnapshot<float[]> snapshotConfiguration() {
    return new FloatPrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link FloatPrimitiveArraySerializer}. */
  public static final class FloatPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<float[]> {
    public FloatPrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
