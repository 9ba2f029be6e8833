package dev.sluice.api.common.typeutils.base.array;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code double[]}: the length (int), then each element's IEEE 754 bits, big-endian. */
public final class DoublePrimitiveArraySerializer extends TypeSerializerSingleton<double[]> {
  private static final long serialVersionUID = 1L;

  public static final DoublePrimitiveArraySerializer INSTANCE = new DoublePrimitiveArraySerializer();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public double[] copy(double[] from) {
    return from == null ? null : from.clone();
  }

  @Override
  public void serialize(double[] record, DataOutputView target) throws IOException {
    target.writeInt(record.length);
    for (double v : record) {
      target.writeDouble(v);
    }
  }

  @Override
  public double[] deserialize(DataInputView source) throws IOException {
    double[] array = new double[ArrayLengths.read(source, 8)];
    for (int i = 0; i < array.length; i++) {
      array[i] = source.readDouble();
    }
    return array;
  }

  @Override
  public String toString() {
    return "double[]";
  }

  @Override
  public TypeSerializerSnapshot<double[]> snapshotConfiguration() {
    return new DoublePrimitiveArraySerializerSnapshot();
  }

  /** Format of {@link DoublePrimitiveArraySerializer}. */
  public static final class DoublePrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<double[]> {
    public DoublePrimitiveArraySerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
