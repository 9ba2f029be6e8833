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
  private transient Resolved resolved;

  /** Handles resolved once; immutable, so it can be published without locking. */
  private record Resolved(MethodHandle[] accessors, MethodHandle constructor, int index,
      Class<?> fieldClass) {}

  /**
   * Creates the accessor and resolves it.
   *
   * @throws IllegalArgumentException if the record has no such component
   */
  RecordFieldAccessor(Class<?> recordClass, String field, TypeInformation<?> fieldType) {
    this.recordClass = recordClass;
    this.field = field;
    this.fieldType = fieldType;
    this.resolved = resolve();
  }

  private Resolved resolve() {
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
      MethodHandle constructor = Reflection.constructor(recordClass.getDeclaredConstructor(types));
      return new Resolved(handles, constructor, found, types[found]);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(recordClass.getName() + " has no canonical constructor", e);
    }
  }

  private Resolved resolved() {
    Resolved r = resolved;
    if (r == null) {
      r = resolve(); // after deserialization
      resolved = r;
    }
    return r;
  }

  @Override
  public Object get(T element) {
    Resolved r = resolved();
    try {
      return (Object) r.accessors()[r.index()].invokeExact((Object) element);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Reading " + describe());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T withValue(T element, Object value) {
    Resolved r = resolved();
    FieldAccessors.checkAssignable(r.fieldClass(), value, this);
    MethodHandle[] handles = r.accessors();
    Object[] args = new Object[handles.length];
    try {
      for (int i = 0; i < handles.length; i++) {
        args[i] = i == r.index() ? value : (Object) handles[i].invokeExact((Object) element);
      }
    } catch (Throwable t) {
      throw Reflection.rethrow(t, "Reading " + recordClass.getName());
    }
    try {
      return (T) (Object) r.constructor().invokeExact(args);
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
