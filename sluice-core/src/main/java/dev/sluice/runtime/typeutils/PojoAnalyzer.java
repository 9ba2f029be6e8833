package dev.sluice.runtime.typeutils;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a class is a POJO and finds how to read and write each of its fields. A POJO is
 * a public, concrete, top-level or static nested class with a public no-argument constructor, at
 * least one field, and every non-static, non-transient field (inherited ones included) either
 * public and non-final or reachable through a public getter and setter. Results are cached per class.
 */
public final class PojoAnalyzer {
  private PojoAnalyzer() {}

  /** How to reach one field: directly if {@code getter} is null, else through getter and setter. */
  public record Property(String name, Field field, Method getter, Method setter) {}

  /** The properties of a POJO (ordered by name), or the reason it is not one. */
  public record Analysis(List<Property> properties, String whyNot) {
    public boolean isPojo() {
      return whyNot == null;
    }
  }

  private static final ClassValue<Analysis> CACHE = new ClassValue<>() {
    @Override
    protected Analysis computeValue(Class<?> type) {
      return analyze(type);
    }
  };

  /** The analysis of {@code type}, computed once per class. */
  public static Analysis of(Class<?> type) {
    return CACHE.get(type);
  }

  /** Every non-static field declared by the class or its superclasses, by name (subclass first). */
  static Map<String, Field> instanceFields(Class<?> type) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
          fields.putIfAbsent(f.getName(), f);
        }
      }
    }
    return fields;
  }

  private static Analysis analyze(Class<?> type) {
    String why = classProblem(type);
    if (why != null) {
      return new Analysis(List.of(), why);
    }
    Map<String, Field> fields = new java.util.TreeMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
          continue;
        }
        Field previous = fields.putIfAbsent(f.getName(), f);
        if (previous != null) {
          return new Analysis(List.of(), "field '" + f.getName() + "' is declared both in "
              + previous.getDeclaringClass().getName() + " and in " + c.getName());
        }
      }
    }
    if (fields.isEmpty()) {
      return new Analysis(List.of(), "it has no fields");
    }
    List<Property> properties = new ArrayList<>();
    for (Field f : fields.values()) {
      int mod = f.getModifiers();
      if (Modifier.isPublic(mod) && !Modifier.isFinal(mod)) {
        properties.add(new Property(f.getName(), f, null, null));
        continue;
      }
      Method getter = findGetter(type, f);
      Method setter = findSetter(type, f);
      if (getter == null || setter == null) {
        return new Analysis(List.of(), "field '" + f.getName() + "' is "
            + (Modifier.isPublic(mod) ? "final" : "not public") + " and has no public "
            + (getter == null ? "getter" : "setter"));
      }
      properties.add(new Property(f.getName(), f, getter, setter));
    }
    return new Analysis(List.copyOf(properties), null);
  }

  private static String classProblem(Class<?> type) {
    if (type.isInterface() || type.isPrimitive() || type.isArray() || type.isEnum() || type.isRecord()) {
      return "it is not a class";
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      return "it is not public";
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      return "it is abstract";
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      return "it is a non-static inner class";
    }
    try {
      if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
        return "it has no public no-argument constructor";
      }
    } catch (NoSuchMethodException e) {
      return "it has no public no-argument constructor";
    }
    return null;
  }

  private static Method findGetter(Class<?> type, Field f) {
    String name = f.getName();
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
          || !f.getType().isAssignableFrom(m.getReturnType())) {
        continue;
      }
      String n = m.getName();
      boolean bool = f.getType() == boolean.class || f.getType() == Boolean.class;
      if (n.equalsIgnoreCase("get" + name) || (bool && n.equalsIgnoreCase("is" + name))
          || n.equals(name)) {
        return m;
      }
    }
    return null;
  }

  private static Method findSetter(Class<?> type, Field f) {
    String name = f.getName();
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())
          && m.getParameterTypes()[0] == f.getType()
          && (m.getName().equalsIgnoreCase("set" + name) || m.getName().equals(name))) {
        return m;
      }
    }
    return null;
  }
}
