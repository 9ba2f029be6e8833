package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Long}: long in big-endian order. */
public final class LongSerializer extends TypeSerializerSingleton<Long> {
  private static final long serialVersionUID = 1L;

  public static final LongSerializer INSTANCE = new LongSerializer();

  @Override
  public void serialize(Long record, DataOutputView target) throws IOException {
    target.writeLong(record);
  }

  @Override
  public Long deserialize(DataInputView source) throws IOException {
    return source.readLong();
  }

  @Override
  public TypeSerializerSnapshot<Long> snapshotConfiguration() {
    return new LongSerializerSnapshot();
  }

  /** Format of {@link LongSerializer}. */
  public static final class LongSerializerSnapshot extends SimpleTypeSerializerSnapshot<Long> {
    public LongSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
