package dev.sluice.api.common.typeinfo;

import java.lang.reflect.Array;
import java.util.Objects;

/** Describes an array of objects such as {@code String[]}. Prints like {@code String[]}. */
public final class ObjectArrayTypeInfo<T, C> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> arrayClass;
  private final TypeInformation<C> componentType;

  private ObjectArrayTypeInfo(Class<T> arrayClass, TypeInformation<C> componentType) {
    this.arrayClass = arrayClass;
    this.componentType = componentType;
  }

  /** Describes arrays whose elements have the given type. */
  @SuppressWarnings("unchecked")
  public static <C> ObjectArrayTypeInfo<C[], C> of(TypeInformation<C> componentType) {
    Objects.requireNonNull(componentType, "componentType");
    Class<?> componentClass = componentType.getTypeClass();
    if (componentClass.isPrimitive()) {
      throw new IllegalArgumentException("Use a primitive array type for " + componentClass);
    }
    Class<C[]> arrayClass = (Class<C[]>) Array.newInstance(componentClass, 0).getClass();
    return new ObjectArrayTypeInfo<>(arrayClass, componentType);
  }

  public TypeInformation<C> getComponentInfo() {
    return componentType;
  }

  @Override
  public Class<T> getTypeClass() {
    return arrayClass;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectArrayTypeInfo<?, ?> other && other.arrayClass == arrayClass
        && other.componentType.equals(componentType);
  }

  @Override
  public int hashCode() {
    return 17 * arrayClass.getName().hashCode() + componentType.hashCode();
  }

  @Override
  public String toString() {
    return componentType + "[]";
  }
}
