package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Float}: the IEEE 754 bits in four bytes, big-endian. */
public final class FloatSerializer extends TypeSerializerSingleton<Float> {
  private static final long serialVersionUID = 1L;

  public static final FloatSerializer INSTANCE = new FloatSerializer();

  @Override
  public void serialize(Float record, DataOutputView target) throws IOException {
    target.writeFloat(record);
  }

  @Override
  public Float deserialize(DataInputView source) throws IOException {
    return source.readFloat();
  }

  @Override
  public TypeSerializerSnapshot<Float> snapshotConfiguration() {
    return new FloatSerializerSnapshot();
  }

  /** Format of {@link FloatSerializer}. */
  public static final class FloatSerializerSnapshot extends SimpleTypeSerializerSnapshot<Float> {
    public FloatSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
