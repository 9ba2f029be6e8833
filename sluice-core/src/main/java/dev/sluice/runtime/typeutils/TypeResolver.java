package dev.sluice.runtime.typeutils;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks a type's supertypes while tracking what each type variable is bound to, so that, for
 * instance, {@code class Parse extends RichMapFunction<String, Integer>} yields {@code
 * MapFunction<String, Integer>}.
 */
final class TypeResolver {
  private TypeResolver() {}

  /**
   * The type arguments {@code type} gives to {@code target}, with every variable that the
   * hierarchy binds substituted; unbound variables stay {@link TypeVariable}s. Null if {@code type}
   * is not a subtype of {@code target}.
   */
  static Type[] typeArgumentsOf(Type type, Class<?> target) {
    return search(type, target, Map.of());
  }

  /** The variables of {@code type}'s raw class bound to its actual arguments (empty for a Class). */
  static Map<TypeVariable<?>, Type> bindingsOf(Type type) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      TypeVariable<?>[] vars = raw.getTypeParameters();
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < vars.length && i < args.length; i++) {
        bindings.put(vars[i], args[i]);
      }
    }
    return bindings;
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static Type[] search(Type type, Class<?> target, Map<TypeVariable<?>, Type> outer) {
    Class<?> raw = rawClass(type);
    if (raw == null || !target.isAssignableFrom(raw)) {
      return null;
    }
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    bindingsOf(type).forEach((var, arg) -> bindings.put(var, substitute(arg, outer)));
    if (raw == target) {
      TypeVariable<?>[] vars = raw.getTypeParameters();
      Type[] result = new Type[vars.length];
      for (int i = 0; i < vars.length; i++) {
        result[i] = bindings.getOrDefault(vars[i], vars[i]);
      }
      return result;
    }
    List<Type> supertypes = new ArrayList<>();
    if (raw.getGenericSuperclass() != null) {
      supertypes.add(raw.getGenericSuperclass());
    }
    supertypes.addAll(Arrays.asList(raw.getGenericInterfaces()));
    for (Type supertype : supertypes) {
      Type[] found = search(supertype, target, bindings);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Replaces bound variables inside {@code type}. */
  static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (bindings.isEmpty()) {
      return type;
    }
    if (type instanceof TypeVariable<?> var) {
      return bindings.getOrDefault(var, var);
    }
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments().clone();
      boolean changed = false;
      for (int i = 0; i < args.length; i++) {
        Type substituted = substitute(args[i], bindings);
        changed |= substituted != args[i];
        args[i] = substituted;
      }
      return changed ? new Parameterized((Class<?>) p.getRawType(), args, p.getOwnerType()) : p;
    }
    if (type instanceof GenericArrayType g) {
      Type component = substitute(g.getGenericComponentType(), bindings);
      if (component == g.getGenericComponentType()) {
        return g;
      }
      return component instanceof Class<?> c ? c.arrayType() : new GenericArray(component);
    }
    return type;
  }

  /** A parameterized type built while substituting variables. */
  record Parameterized(Class<?> raw, Type[] args, Type owner) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return args.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return owner;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType p && raw.equals(p.getRawType())
          && Objects.equals(owner, p.getOwnerType())
          && Arrays.equals(args, p.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      return raw.getName() + Arrays.toString(args).replace('[', '<').replace(']', '>');
    }
  }

  /** A generic array type built while substituting variables. */
  record GenericArray(Type component) implements GenericArrayType {
    @Override
    public Type getGenericComponentType() {
      return component;
    }
  }
}
