package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.time.LocalDateTime;

/** Serializer for {@code LocalDateTime}: the date as {@link LocalDateSerializer} writes it, then the time as {@link LocalTimeSerializer} does. */
public final class LocalDateTimeSerializer extends TypeSerializerSingleton<LocalDateTime> {
  private static final long serialVersionUID = 1L;

  public static final LocalDateTimeSerializer INSTANCE = new LocalDateTimeSerializer();

  @Override
  public void serialize(LocalDateTime record, DataOutputView target) throws IOException {
    LocalDateSerializer.write(record.toLocalDate(), target);
    LocalTimeSerializer.write(record.toLocalTime(), target);
  }

  @Override
  public LocalDateTime deserialize(DataInputView source) throws IOException {
    return LocalDateTime.of(LocalDateSerializer.read(source), LocalTimeSerializer.read(source));
  }

  @Override
  public TypeSerializerSnapshot<LocalDateTime> snapshotConfiguration() {
    return new LocalDateTimeSerializerSnapshot();
  }

  /** Format of {@link LocalDateTimeSerializer}. */
  public static final class LocalDateTimeSerializerSnapshot extends SimpleTypeSerializerSnapshot<LocalDateTime> {
    public LocalDateTimeSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
