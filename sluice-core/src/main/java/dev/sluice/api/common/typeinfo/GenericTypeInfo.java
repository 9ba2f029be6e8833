package dev.sluice.api.common.typeinfo;

import java.util.Objects;

/**
 * A type Sluice knows nothing about beyond its class: elements are handled as opaque objects,
 * and fields can only be reached through a {@code KeySelector}. Prints like {@code GenericType<com.acme.Foo>}.
 */
public final class GenericTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;

  public GenericTypeInfo(Class<T> typeClass) {
    this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericTypeInfo<?> other && other.typeClass == typeClass;
  }

  @Override
  public int hashCode() {
    return 7 + typeClass.getName().hashCode();
  }

  @Override
  public String toString() {
    return "GenericType<" + typeClass.getName() + ">";
  }
}
