package dev.sluice.api.common.typeinfo;

import java.util.Objects;

/** Describes an array of primitives such as {@code int[]}. Prints like {@code int[]}. */
public final class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> arrayClass;

  /**
   * Describes the given primitive array class.
   *
   * @throws IllegalArgumentException if it is not an array of a primitive type
   */
  public PrimitiveArrayTypeInfo(Class<T> arrayClass) {
    this.arrayClass = Objects.requireNonNull(arrayClass, "arrayClass");
    if (!arrayClass.isArray() || !arrayClass.getComponentType().isPrimitive()) {
      throw new IllegalArgumentException(arrayClass.getName() + " is not an array of primitives");
    }
  }

  /** The type of the elements, such as {@code Types.INT} for {@code int[]}. */
  public TypeInformation<?> getComponentType() {
    return BasicTypeInfo.getInfoFor(arrayClass.getComponentType());
  }

  @Override
  public Class<T> getTypeClass() {
    return arrayClass;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrimitiveArrayTypeInfo<?> other && other.arrayClass == arrayClass;
  }

  @Override
  public int hashCode() {
    return 13 + arrayClass.getName().hashCode();
  }

  @Override
  public String toString() {
    return arrayClass.getComponentType().getName() + "[]";
  }
}
