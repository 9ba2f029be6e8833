package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Short}: two bytes, big-endian. */
public final class ShortSerializer extends TypeSerializerSingleton<Short> {
  private static final long serialVersionUID = 1L;

  public static final ShortSerializer INSTANCE = new ShortSerializer();

  @Override
  public void serialize(Short record, DataOutputView target) throws IOException {
    target.writeShort(record);
  }

  @Override
  public Short deserialize(DataInputView source) throws IOException {
    return source.readShort();
  }

  @Override
  public TypeSerializerSnapshot<Short> snapshotConfiguration() {
    return new ShortSerializerSnapshot();
  }

  /** Format of {@link ShortSerializer}. */
  public static final class ShortSerializerSnapshot extends SimpleTypeSerializerSnapshot<Short> {
    public ShortSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
