package dev.sluice.api.common.state;

import dev.sluice.api.common.typeinfo.TypeInformation;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
  private static final long serialVersionUID = 1L;

  public ValueStateDescriptor(String name, Class<T> type) {
    super(name, TypeInformation.of(type));
  }

  public ValueStateDescriptor(String name, TypeInformation<T> type) {
    super(name, type);
  }
}
