package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Double}: the IEEE 754 bits in eight bytes, big-endian. */
public final class DoubleSerializer extends TypeSerializerSingleton<Double> {
  private static final long serialVersionUID = 1L;

  public static final DoubleSerializer INSTANCE = new DoubleSerializer();

  @Override
  public void serialize(Double record, DataOutputView target) throws IOException {
    target.writeDouble(record);
  }

  @Override
  public Double deserialize(DataInputView source) throws IOException {
    return source.readDouble();
  }

  @Override
  public TypeSerializerSnapshot<Double> snapshotConfiguration() {
    return new DoubleSerializerSnapshot();
  }

  /** Format of {@link DoubleSerializer}. */
  public static final class DoubleSerializerSnapshot extends SimpleTypeSerializerSnapshot<Double> {
    public DoubleSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
