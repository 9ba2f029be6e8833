package dev.sluice.runtime.state;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.runtime.typeutils.DynamicSerializer;

/** How every backend chooses the serializer of a state's values. */
public final class StateSerializers {
  private StateSerializers() {}

  /**
   * The serializer of a state's values: the descriptor's (given, or from its declared type), or
   * by runtime class ({@link DynamicSerializer}) when the type was left as {@code Object}
   * (built-in operators' window state).
   */
  @SuppressWarnings("unchecked")
  public static TypeSerializer<Object> declared(StateDescriptor<?, ?> descriptor, ExecutionConfig config) {
    if (!descriptor.isSerializerInitialized() && isUndeclared(descriptor.getTypeInformation())) {
      return DynamicSerializer.INSTANCE;
    }
    try {
      descriptor.initializeSerializerUnlessSet(config);
      return (TypeSerializer<Object>) descriptor.getSerializer();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The state '" + descriptor.getName()
          + "' cannot be checkpointed: " + e.getMessage(), e);
    }
  }

  /** Whether the type (or an element, key or value type of it) is just {@code Object}. */
  public static boolean isUndeclared(TypeInformation<?> type) {
    if (type == null || type.getTypeClass() == Object.class) {
      return true;
    }
    if (type instanceof dev.sluice.api.common.typeinfo.ListTypeInfo<?> list) {
      return isUndeclared(list.getElementType());
    }
    if (type instanceof dev.sluice.api.common.typeinfo.MapTypeInfo<?, ?> map) {
      return isUndeclared(map.getKeyType()) || isUndeclared(map.getValueType());
    }
    return false;
  }
}
