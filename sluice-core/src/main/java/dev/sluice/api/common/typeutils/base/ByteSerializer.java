package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Byte}: one byte. */
public final class ByteSerializer extends TypeSerializerSingleton<Byte> {
  private static final long serialVersionUID = 1L;

  public static final ByteSerializer INSTANCE = new ByteSerializer();

  @Override
  public void serialize(Byte record, DataOutputView target) throws IOException {
    target.writeByte(record);
  }

  @Override
  public Byte deserialize(DataInputView source) throws IOException {
    return source.readByte();
  }

  @Override
  public TypeSerializerSnapshot<Byte> snapshotConfiguration() {
    return new ByteSerializerSnapshot();
  }

  /** Format of {@link ByteSerializer}. */
  public static final class ByteSerializerSnapshot extends SimpleTypeSerializerSnapshot<Byte> {
    public ByteSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
