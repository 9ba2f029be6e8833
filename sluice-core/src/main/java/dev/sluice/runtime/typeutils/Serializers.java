package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.base.IntSerializer;
import dev.sluice.api.common.typeutils.base.LongSerializer;
import dev.sluice.api.common.typeutils.base.StringSerializer;

/** Chooses a {@link TypeSerializer} from a {@link TypeInformation}. */
public final class Serializers {
  private Serializers() {}

  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> create(TypeInformation<T> type, ExecutionConfig config) {
    Class<T> c = type.getTypeClass();
    if (c == Long.class) {
      return (TypeSerializer<T>) LongSerializer.INSTANCE;
    }
    if (c == Integer.class) {
      return (TypeSerializer<T>) IntSerializer.INSTANCE;
    }
    if (c == String.class) {
      return (TypeSerializer<T>) StringSerializer.INSTANCE;
    }
    throw new IllegalArgumentException(
        "Sluice cannot encode values of type " + type + " (" + c.getName() + ") in state");
  }
}
