package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.BasicTypeInfo;
import dev.sluice.api.common.typeinfo.EnumTypeInfo;
import dev.sluice.api.common.typeinfo.GenericTypeInfo;
import dev.sluice.api.common.typeinfo.ListTypeInfo;
import dev.sluice.api.common.typeinfo.MapTypeInfo;
import dev.sluice.api.common.typeinfo.ObjectArrayTypeInfo;
import dev.sluice.api.common.typeinfo.PojoTypeInfo;
import dev.sluice.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.sluice.api.common.typeinfo.RecordTypeInfo;
import dev.sluice.api.common.typeinfo.SetTypeInfo;
import dev.sluice.api.common.typeinfo.TupleTypeInfo;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.tuple.Tuple;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives {@link TypeInformation} by reflection: from classes, from generic types, and from the
 * type arguments that a function class binds (for example the {@code O} of {@code
 * MapFunction<T, O>}). Lambdas erase their type arguments, so for them the answer is null and the
 * user has to call {@code returns(..)}.
 */
public final class TypeExtractor {
  private TypeExtractor() {}

  /**
   * The type bound to type parameter {@code typeArgIndex} of {@code functionInterface} by the
   * function's class, or null when reflection cannot see it (lambdas, unresolved type variables,
   * wildcards).
   *
   * @throws IllegalArgumentException if the function does not implement the interface or the
   *     index is out of range
   */
  @SuppressWarnings("unchecked")
  public static <OUT> TypeInformation<OUT> outputType(
      Object function, Class<?> functionInterface, int typeArgIndex) {
    Objects.requireNonNull(function, "function");
    if (!functionInterface.isInstance(function)) {
      throw new IllegalArgumentException(function.getClass().getName() + " does not implement "
          + functionInterface.getName());
    }
    Type type = typeArgument(function.getClass(), functionInterface, typeArgIndex);
    return (TypeInformation<OUT>) fromType(type);
  }

  /**
   * The type argument at {@code index} that {@code type} (through its supertypes) gives to {@code
   * generic}; a {@link TypeVariable} if the hierarchy leaves it unbound.
   *
   * @throws IllegalArgumentException if {@code type} does not extend {@code generic} or the index
   *     is out of range
   */
  public static Type typeArgument(Class<?> type, Class<?> generic, int index) {
    Type[] args = TypeResolver.typeArgumentsOf(type, generic);
    if (args == null) {
      throw new IllegalArgumentException(type.getName() + " is not a subtype of " + generic.getName());
    }
    if (index < 0 || index >= args.length) {
      throw new IllegalArgumentException(generic.getName() + " has " + args.length
          + " type parameters; index " + index + " is out of range");
    }
    return args[index];
  }

  /**
   * Describes a reflective type: classes as in {@link #forClass}, parameterized tuples, lists,
   * sets, maps and generic POJOs/records with their argument types, generic arrays. Returns null
   * for type variables and wildcards, and for lists, sets and maps whose element types are not
   * known.
   */
  public static TypeInformation<?> fromType(Type type) {
    return fromType(type, new HashSet<>());
  }

  /** Describes a class; never null (unrecognised classes are generic types). */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> forClass(Class<T> type) {
    return (TypeInformation<T>) fromType(Objects.requireNonNull(type, "type"), new HashSet<>());
  }

  /**
   * Describes a POJO or record class.
   *
   * @throws IllegalArgumentException naming the rule the class breaks if it is neither
   */
  public static <T> TypeInformation<T> forPojo(Class<T> type) {
    TypeInformation<T> info = forClass(type);
    if (info instanceof PojoTypeInfo<?> || info instanceof RecordTypeInfo<?>) {
      return info;
    }
    String why = PojoAnalyzer.of(type).whyNot();
    throw new IllegalArgumentException(type.getName() + " is not a POJO"
        + (why == null ? "" : ": " + why)
        + ". A POJO is a public class with a public no-argument constructor whose fields are"
        + " public or have public getters and setters");
  }

  /**
   * Checks that every named field is declared by the class or a superclass.
   *
   * @throws IllegalArgumentException listing the existing fields otherwise
   */
  public static void checkFieldsExist(Class<?> type, Iterable<String> names) {
    Set<String> existing = PojoAnalyzer.instanceFields(type).keySet();
    for (String name : names) {
      if (!existing.contains(name)) {
        throw new IllegalArgumentException("Field '" + name + "' does not exist in " + type.getName()
            + "; its fields are: " + String.join(", ", new java.util.TreeSet<>(existing)));
      }
    }
  }

  private static TypeInformation<?> fromType(Type type, Set<Class<?>> inProgress) {
    if (type instanceof Class<?> c) {
      return fromClass(c, type, inProgress);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        TypeInformation<?> element = fromType(args[0], inProgress);
        if (element == null) {
          return null;
        }
        return raw == List.class ? new ListTypeInfo<>(element) : new SetTypeInfo<>(element);
      }
      if (raw == Map.class) {
        TypeInformation<?> key = fromType(args[0], inProgress);
        TypeInformation<?> value = fromType(args[1], inProgress);
        return key == null || value == null ? null : new MapTypeInfo<>(key, value);
      }
      return fromClass(raw, type, inProgress);
    }
    if (type instanceof GenericArrayType g) {
      TypeInformation<?> component = fromType(g.getGenericComponentType(), inProgress);
      return component == null ? null : ObjectArrayTypeInfo.of(component);
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeInformation<?> fromClass(Class<?> c, Type type, Set<Class<?>> inProgress) {
    TypeInformation<?> basic = BasicTypeInfo.getInfoFor(c);
    if (basic != null) {
      return basic;
    }
    if (c.isArray()) {
      if (c.getComponentType().isPrimitive()) {
        return new PrimitiveArrayTypeInfo<>(c);
      }
      return ObjectArrayTypeInfo.of(fromClass(c.getComponentType(), c.getComponentType(), inProgress));
    }
    if (Enum.class.isAssignableFrom(c) && c != Enum.class) {
      return new EnumTypeInfo(c.isEnum() ? c : c.getSuperclass());
    }
    if (!inProgress.add(c)) {
      return new GenericTypeInfo<>(c); // a type that contains itself
    }
    try {
      if (Tuple.class.isAssignableFrom(c) && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
        return tupleType((Class<? extends Tuple>) c, type, inProgress);
      }
      if (c.isRecord()) {
        return recordType(c, type, inProgress);
      }
      PojoAnalyzer.Analysis analysis = PojoAnalyzer.of(c);
      if (analysis.isPojo()) {
        Map<TypeVariable<?>, Type> bindings = TypeResolver.bindingsOf(type);
        Map<String, TypeInformation<?>> fields = new TreeMap<>();
        for (PojoAnalyzer.Property property : analysis.properties()) {
          Type fieldType = TypeResolver.substitute(property.field().getGenericType(), bindings);
          fields.put(property.name(), fromType(fieldType, inProgress));
        }
        return new PojoTypeInfo<>(c, fields);
      }
      return new GenericTypeInfo<>(c);
    } finally {
      inProgress.remove(c);
    }
  }

  private static <T extends Tuple> TupleTypeInfo<T> tupleType(
      Class<T> c, Type type, Set<Class<?>> inProgress) {
    Class<?> base = c;
    while (base.getSuperclass() != Tuple.class) {
      base = base.getSuperclass();
    }
    Type[] args = TypeResolver.typeArgumentsOf(type, base);
    List<TypeInformation<?>> fields = new ArrayList<>();
    for (Type arg : args) {
      fields.add(fromType(arg, inProgress));
    }
    return new TupleTypeInfo<>(c, fields.toArray(new TypeInformation<?>[0]));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeInformation<?> recordType(Class<?> c, Type type, Set<Class<?>> inProgress) {
    Map<TypeVariable<?>, Type> bindings = TypeResolver.bindingsOf(type);
    LinkedHashMap<String, TypeInformation<?>> components = new LinkedHashMap<>();
    for (RecordComponent component : c.getRecordComponents()) {
      Type componentType = TypeResolver.substitute(component.getGenericType(), bindings);
      components.put(component.getName(), fromType(componentType, inProgress));
    }
    return new RecordTypeInfo(c, components);
  }
}
