package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;

/** Serializer for {@code LocalDate}: year (int), month and day (a byte each). */
public final class LocalDateSerializer extends TypeSerializerSingleton<LocalDate> {
  private static final long serialVersionUID = 1L;

  public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

  @Override
  public void serialize(LocalDate record, DataOutputView target) throws IOException {
    write(record, target);
  }

  @Override
  public LocalDate deserialize(DataInputView source) throws IOException {
    return read(source);
  }

  static void write(LocalDate date, DataOutputView target) throws IOException {
    target.writeInt(date.getYear());
    target.writeByte(date.getMonthValue());
    target.writeByte(date.getDayOfMonth());
  }

  static LocalDate read(DataInputView source) throws IOException {
    return LocalDate.of(source.readInt(), source.readByte(), source.readByte());
  }

  @Override
  public TypeSerializerSnapshot<LocalDate> snapshotConfiguration() {
    return new LocalDateSerializerSnapshot();
  }

  /** Format of {@link LocalDateSerializer}. */
  public static final class LocalDateSerializerSnapshot extends SimpleTypeSerializerSnapshot<LocalDate> {
    public LocalDateSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
