package dev.sluice.api.common.typeutils;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/**
 * How composite serializers write values that may be null (fields, elements, map keys and
 * values): a flag byte, 0 for null, 1 followed by the value in the nested serializer's format.
 */
public final class NullFlags {
  private NullFlags() {}

  /** Writes the null flag, then {@code value} if it is not null. */
  public static <T> void write(TypeSerializer<T> serializer, T value, DataOutputView target)
      throws IOException {
    if (value == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      serializer.serialize(value, target);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static <T> T read(TypeSerializer<T> serializer, DataInputView source) throws IOException {
    return source.readBoolean() ? serializer.deserialize(source) : null;
  }

  /** A deep copy of {@code value} by {@code serializer}, null for null. */
  public static <T> T copy(TypeSerializer<T> serializer, T value) {
    return value == null ? null : serializer.copy(value);
  }
}
