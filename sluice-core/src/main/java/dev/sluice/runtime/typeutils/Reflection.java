package dev.sluice.runtime.typeutils;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Builds method handles with erased signatures ({@code Object} in and out) for the accessors. */
public final class Reflection {
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

  private Reflection() {}

  /** {@code (Object) -> Object} reading a field, directly or through a getter method. */
  public static MethodHandle getter(Field field, Method getter) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle mh = getter == null
          ? lookup.unreflectGetter(accessible(field))
          : lookup.unreflect(accessible(getter));
      return mh.asType(GETTER);
    } catch (IllegalAccessException e) {
      throw cannotAccess(field, e);
    }
  }

  /** {@code (Object, Object) -> void} writing a field, directly or through a setter method. */
  public static MethodHandle setter(Field field, Method setter) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle mh = setter == null
          ? lookup.unreflectSetter(accessible(field))
          : MethodHandles.dropReturn(lookup.unreflect(accessible(setter)));
      return mh.asType(SETTER);
    } catch (IllegalAccessException e) {
      throw cannotAccess(field, e);
    }
  }

  /** {@code (Object) -> Object} calling an accessor method such as a record component's. */
  public static MethodHandle method(Method method) {
    try {
      return MethodHandles.lookup().unreflect(accessible(method)).asType(GETTER);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("Cannot call " + method + ": " + e.getMessage(), e);
    }
  }

  /** A constructor handle taking its arguments as one {@code Object[]} and returning Object. */
  public static MethodHandle constructor(Constructor<?> constructor) {
    try {
      int n = constructor.getParameterCount();
      MethodHandle mh = MethodHandles.lookup().unreflectConstructor(accessible(constructor));
      return mh.asType(mh.type().changeReturnType(Object.class)).asSpreader(Object[].class, n)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("Cannot call " + constructor + ": " + e.getMessage(), e);
    }
  }

  /** A {@code () -> Object} handle calling the class's no-argument constructor. */
  public static MethodHandle noArgConstructor(Class<?> type) {
    try {
      return MethodHandles.lookup().unreflectConstructor(accessible(type.getDeclaredConstructor()))
          .asType(MethodType.methodType(Object.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no no-argument constructor", e);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("Cannot call the no-argument constructor of "
          + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /** Rethrows unchecked throwables as they are and wraps checked ones. */
  public static RuntimeException rethrow(Throwable t, String what) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(what + " failed: " + t, t);
  }

  private static <A extends AccessibleObject> A accessible(A object) {
    object.trySetAccessible();
    return object;
  }

  private static IllegalArgumentException cannotAccess(Field field, IllegalAccessException e) {
    return new IllegalArgumentException("Cannot access field '" + field.getName() + "' of "
        + field.getDeclaringClass().getName() + ": " + e.getMessage(), e);
  }
}
