package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.TypeInformation;

/** Treats the element itself as the field: {@code "*"}, or position 0 of an atomic type. */
final class WholeElementAccessor<T> implements FieldAccessor<T> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> type;
  private final String name;

  WholeElementAccessor(TypeInformation<T> type, String name) {
    this.type = type;
    this.name = name;
  }

  @Override
  public Object get(T element) {
    return element;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T withValue(T element, Object value) {
    return (T) value;
  }

  @Override
  public String fieldName() {
    return name;
  }

  @Override
  public TypeInformation<?> fieldType() {
    return type;
  }

  @Override
  public String describe() {
    return "the element" + (type == null ? "" : " of type " + FieldAccessors.describeType(type));
  }
}
