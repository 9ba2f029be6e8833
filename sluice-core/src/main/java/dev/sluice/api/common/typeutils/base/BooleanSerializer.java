package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Boolean}: one byte, 1 for true. */
public final class BooleanSerializer extends TypeSerializerSingleton<Boolean> {
  private static final long serialVersionUID = 1L;

  public static final BooleanSerializer INSTANCE = new BooleanSerializer();

  @Override
  public void serialize(Boolean record, DataOutputView target) throws IOException {
    target.writeBoolean(record);
  }

  @Override
  public Boolean deserialize(DataInputView source) throws IOException {
    return source.readBoolean();
  }

  @Override
  public TypeSerializerSnapshot<Boolean> snapshotConfiguration() {
    return new BooleanSerializerSnapshot();
  }

  /** Format of {@link BooleanSerializer}. */
  public static final class BooleanSerializerSnapshot extends SimpleTypeSerializerSnapshot<Boolean> {
    public BooleanSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
