package dev.sluice.api.common.typeinfo;

import java.util.List;
import java.util.Objects;

/** Describes a {@code java.util.List} with elements of a known type. Prints like {@code List<String>}. */
public final class ListTypeInfo<E> extends TypeInformation<List<E>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<E> elementType;

  public ListTypeInfo(TypeInformation<E> elementType) {
    this.elementType = Objects.requireNonNull(elementType, "elementType");
  }

  public TypeInformation<E> getElementType() {
    return elementType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<List<E>> getTypeClass() {
    return (Class) List.class;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListTypeInfo<?> other && other.elementType.equals(elementType);
  }

  @Override
  public int hashCode() {
    return 31 * 3 + elementType.hashCode();
  }

  @Override
  public String toString() {
    return "List<" + elementType + ">";
  }
}
