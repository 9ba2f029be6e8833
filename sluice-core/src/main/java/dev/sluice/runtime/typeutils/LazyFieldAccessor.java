package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.TypeInformation;

/**
 * An accessor for a stream whose type is unknown: it resolves the position or name against the
 * runtime class of the first element it sees and delegates from then on.
 */
final class LazyFieldAccessor<T> implements FieldAccessor<T> {
  private static final long serialVersionUID = 1L;

  private final Integer position;
  private final String name;
  private transient FieldAccessor<T> delegate;

  LazyFieldAccessor(Integer position, String name) {
    this.position = position;
    this.name = name;
  }

  private FieldAccessor<T> delegate(T element) {
    FieldAccessor<T> d = delegate;
    if (d == null) {
      if (element == null) {
        throw new NullPointerException("Cannot read " + describe() + " of a null element");
      }
      @SuppressWarnings("unchecked")
      TypeInformation<T> type = (TypeInformation<T>) TypeExtractor.forClass(element.getClass());
      d = position != null ? FieldAccessors.byPosition(type, position) : FieldAccessors.byName(type, name);
      delegate = d;
    }
    return d;
  }

  @Override
  public Object get(T element) {
    return delegate(element).get(element);
  }

  @Override
  public T withValue(T element, Object value) {
    return delegate(element).withValue(element, value);
  }

  @Override
  public String fieldName() {
    return position != null ? String.valueOf(position) : name;
  }

  @Override
  public TypeInformation<?> fieldType() {
    FieldAccessor<T> d = delegate;
    return d == null ? null : d.fieldType();
  }

  @Override
  public String describe() {
    FieldAccessor<T> d = delegate;
    if (d != null) {
      return d.describe();
    }
    return position != null ? "position " + position : "field '" + name + "'";
  }
}
