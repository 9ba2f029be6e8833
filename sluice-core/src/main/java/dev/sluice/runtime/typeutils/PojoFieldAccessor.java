package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Accesses a field of a POJO, directly or through its getter and setter. An update creates a new
 * instance with the no-argument constructor and copies every field over. Handles are resolved for
 * the element's runtime class and cached.
 */
final class PojoFieldAccessor<T> implements FieldAccessor<T> {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final TypeInformation<?> fieldType;
  private transient Handles handles;

  /** Resolved handles for one concrete class. */
  private record Handles(Class<?> type, MethodHandle constructor, MethodHandle[] getters,
      MethodHandle[] setters, int index, Class<?> fieldClass) {}

  /**
   * Creates the accessor and resolves it for {@code pojoClass}.
   *
   * @throws IllegalArgumentException if the class is not a POJO or lacks the field
   */
  PojoFieldAccessor(Class<?> pojoClass, String field, TypeInformation<?> fieldType) {
    this.field = field;
    this.fieldType = fieldType;
    this.handles = resolve(pojoClass);
  }

  private Handles handlesFor(Object element) {
    Handles h = handles;
    if (h == null || h.type() != element.getClass()) {
      h = resolve(element.getClass());
      handles = h;
    }
    return h;
  }

  private Handles resolve(Class<?> type) {
    PojoAnalyzer.Analysis analysis = PojoAnalyzer.of(type);
    if (!analysis.isPojo()) {
      throw new IllegalArgumentException("Cannot access field '" + field + "' of " + type.getName()
          + " because it is not a POJO (" + analysis.whyNot() + "); use a KeySelector");
    }
    List<PojoAnalyzer.Property> properties = analysis.properties();
    int index = -1;
    Class<?> fieldClass = Object.class;
    MethodHandle[] getters = new MethodHandle[properties.size()];
    MethodHandle[] setters = new MethodHandle[properties.size()];
    for (int i = 0; i < properties.size(); i++) {
      PojoAnalyzer.Property p = properties.get(i);
      getters[i] = Reflection.getter(p.field(), p.getter());
      setters[i] = Reflection.setter(p.field(), p.setter());
      if (p.name().equals(field)) {
        index = i;
        fieldClass = p.field().getType();
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException(FieldAccessors.noSuchField(field, type.getName(),
          properties.stream().map(PojoAnalyzer.Property::name).toList()));
    }
    try {
      MethodHandle constructor = Reflection.constructor(type.getConstructor());
      return new Handles(type, constructor, getters, setters, index, fieldClass);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no public no-argument constructor", e);
    }
  }

  @Override
  public Object get(T element) {
    Handles h = handlesFor(element);
    try {
      return (Object) h.getters()[h.index()].invokeExact((Object) element);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Reading " + describe());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T withValue(T element, Object value) {
    Handles h = handlesFor(element);
    FieldAccessors.checkAssignable(h.fieldClass(), value, this);
    Object copy;
    try {
      copy = (Object) h.constructor().invokeExact(new Object[0]);
      for (int i = 0; i < h.getters().length; i++) {
        if (i != h.index()) {
          Object v = (Object) h.getters()[i].invokeExact((Object) element);
          h.setters()[i].invokeExact(copy, v);
        }
      }
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Copying " + element.getClass().getName());
    }
    try {
      h.setters()[h.index()].invokeExact(copy, value);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Writing " + describe());
    }
    return (T) copy;
  }

  @Override
  public String fieldName() {
    return field;
  }

  @Override
  public TypeInformation<?> fieldType() {
    return fieldType;
  }

  @Override
  public String describe() {
    Handles h = handles;
    return "field '" + field + "'" + (h == null ? "" : " of " + h.type().getName());
  }
}
