package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Integer}: int in big-endian order. */
public final class IntSerializer extends TypeSerializerSingleton<Integer> {
  private static final long serialVersionUID = 1L;

  public static final IntSerializer INSTANCE = new IntSerializer();

  @Override
  public void serialize(Integer record, DataOutputView target) throws IOException {
    target.writeInt(record);
  }

  @Override
  public Integer deserialize(DataInputView source) throws IOException {
    return source.readInt();
  }

  @Override
  public TypeSerializerSnapshot<Integer> snapshotConfiguration() {
    return new IntSerializerSnapshot();
  }

  /** Format of {@link IntSerializer}. */
  public static final class IntSerializerSnapshot extends SimpleTypeSerializerSnapshot<Integer> {
    public IntSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
