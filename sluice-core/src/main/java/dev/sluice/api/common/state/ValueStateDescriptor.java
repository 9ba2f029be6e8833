package dev.sluice.api.common.state;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
  private static final long serialVersionUID = 1L;

  public ValueStateDescriptor(String name, Class<T> type) {
    super(name, TypeInformation.of(type));
  }

  public ValueStateDescriptor(String name, TypeInformation<T> type) {
    super(name, type);
  }

  /** A value state whose values are written by {@code serializer}. */
  public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
    super(name, serializer);
  }
}
