package dev.sluice.api.common.typeinfo;

import java.util.Set;
import java.util.Objects;

/** Describes a {@code java.util.Set} with elements of a known type. Prints like {@code Set<String>}. */
public final class SetTypeInfo<E> extends TypeInformation<Set<E>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<E> elementType;

  public SetTypeInfo(TypeInformation<E> elementType) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
  }

  public TypeInformation<E> getElementType() {
    return elementType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Set<E>> getTypeClass() {
    return (Class) Set.class;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SetTypeInfo<?> other && other.elementType.equals(elementType);
  }

  @Override
  public int hashCode() {
    return 31 * 5 + elementType.hashCode();
  }

  @Override
  public String toString() {
    return "Set<" + elementType + ">";
  }
}
