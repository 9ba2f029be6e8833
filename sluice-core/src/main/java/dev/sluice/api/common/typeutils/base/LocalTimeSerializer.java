package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalTime;

/** Serializer for {@code LocalTime}: hour, minute and second (a byte each), then nanoseconds (int). */
public final class LocalTimeSerializer extends TypeSerializerSingleton<LocalTime> {
  private static final long serialVersionUID = 1L;

  public static final LocalTimeSerializer INSTANCE = new LocalTimeSerializer();

  @Override
  public void serialize(LocalTime record, DataOutputView target) throws IOException {
    write(record, target);
  }

  @Override
  public LocalTime deserialize(DataInputView source) throws IOException {
    return read(source);
  }

  static void write(LocalTime time, DataOutputView target) throws IOException {
    target.writeByte(time.getHour());
    target.writeByte(time.getMinute());
    target.writeByte(time.getSecond());
    target.writeInt(time.getNano());
  }

  static LocalTime read(DataInputView source) throws IOException {
    return LocalTime.of(source.readByte(), source.readByte(), source.readByte(), source.readInt());
  }

  @Override
  public TypeSerializerSnapshot<LocalTime> snapshotConfiguration() {
    return new LocalTimeSerializerSnapshot();
  }

  /** Format of {@link LocalTimeSerializer}. */
  public static final class LocalTimeSerializerSnapshot extends SimpleTypeSerializerSnapshot<LocalTime> {
    public LocalTimeSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
