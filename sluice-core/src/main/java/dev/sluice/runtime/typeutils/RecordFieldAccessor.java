package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.TypeInformation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Accesses a component of a record; an update calls the canonical constructor with every other
 * component unchanged. Handles are resolved once and cached.
 */
final class RecordFieldAccessor<T> implements FieldAccessor<T> {
  private static final long serialVersionUID = 1L;

  private final Class<?> recordClass;
  private final String field;
  private final TypeInformation<?> fieldType;
  private transient MethodHandle[] accessors;
  private transient MethodHandle constructor;
  private transient int index;
  private transient Class<?> fieldClass;

  /**
   * Creates the accessor and resolves it.
   *
   * @throws IllegalArgumentException if the record has no such component
   */
  RecordFieldAccessor(Class<?> recordClass, String field, TypeInformation<?> fieldType) {
    this.recordClass = recordClass;
    this.field = field;
    this.fieldType = fieldType;
    resolve();
  }

  private void resolve() {
    RecordComponent[] components = recordClass.getRecordComponents();
    int found = -1;
    MethodHandle[] handles = new MethodHandle[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      handles[i] = Reflection.method(components[i].getAccessor());
      types[i] = components[i].getType();
      if (components[i].getName().equals(field)) {
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException(FieldAccessors.noSuchField(field, recordClass.getName(),
          Arrays.stream(components).map(RecordComponent::getName).toList()));
    }
    try {
      constructor = Reflection.constructor(recordClass.getDeclaredConstructor(types));
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(recordClass.getName() + " has no canonical constructor", e);
    }
    index = found;
    fieldClass = types[found];
    accessors = handles;
  }

  private MethodHandle[] accessors() {
    if (accessors == null) {
      resolve(); // after deserialization
    }
    return accessors;
  }

  @Override
  public Object get(T element) {
    try {
      return (Object) accessors()[index].invokeExact((Object) element);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Reading " + describe());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T withValue(T element, Object value) {
    MethodHandle[] handles = accessors();
    FieldAccessors.checkAssignable(fieldClass, value, this);
    Object[] args = new Object[handles.length];
    try {
      for (int i = 0; i < handles.length; i++) {
        args[i] = i == index ? value : (Object) handles[i].invokeExact((Object) element);
      }
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Reading " + recordClass.getName());
    }
    try {
      return (T) (Object) constructor.invokeExact(args);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Constructing " + recordClass.getName());
    }
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
    return "field '" + field + "' of " + recordClass.getName();
  }
}
