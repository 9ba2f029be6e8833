package dev.sluice.api.common.typeinfo;

import java.util.Objects;

/** Describes an enum type. Prints like {@code Enum<com.acme.Color>}. */
public final class EnumTypeInfo<E extends Enum<E>> extends TypeInformation<E> {
  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;

  public EnumTypeInfo(Class<E> enumClass) {
    this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
    if (!enumClass.isEnum()) {
      throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
    }
  }

  @Override
  public Class<E> getTypeClass() {
    return enumClass;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumTypeInfo<?> other && other.enumClass == enumClass;
  }

  @Override
  public int hashCode() {
    return 11 + enumClass.getName().hashCode();
  }

  @Override
  public String toString() {
    return "Enum<" + enumClass.getName() + ">";
  }
}
