package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.time.Instant;

/** Serializer for {@code Instant}: epoch seconds (long), then nanoseconds (int). */
public final class InstantSerializer extends TypeSerializerSingleton<Instant> {
  private static final long serialVersionUID = 1L;

  public static final InstantSerializer INSTANCE = new InstantSerializer();

  @Override
  public void serialize(Instant record, DataOutputView target) throws IOException {
    target.writeLong(record.getEpochSecond());
    target.writeInt(record.getNano());
  }

  @Override
  public Instant deserialize(DataInputView source) throws IOException {
    return Instant.ofEpochSecond(source.readLong(), source.readInt());
  }

  @Override
  public TypeSerializerSnapshot<Instant> snapshotConfiguration() {
    return new InstantSerializerSnapshot();
  }

  /** Format of {@link InstantSerializer}. */
  public static final class InstantSerializerSnapshot extends SimpleTypeSerializerSnapshot<Instant> {
    public InstantSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
