package dev.sluice.api.common.typeinfo;

import dev.sluice.api.java.tuple.Tuple;
import dev.sluice.runtime.typeutils.TypeExtractor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Constants and factories for {@link TypeInformation}, typically passed to {@code returns(..)}
 * where a lambda hides its result type: {@code .returns(Types.TUPLE(Types.STRING, Types.INT))}.
 */
public final class Types {
  public static final TypeInformation<String> STRING = BasicTypeInfo.STRING;
  public static final TypeInformation<Integer> INT = BasicTypeInfo.INT;
  public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG;
  public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE;
  public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT;
  public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT;
  public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE;
  public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN;
  public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR;
  public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID;
  public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC;
  public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT;
  public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT;
  public static final TypeInformation<LocalDate> LOCAL_DATE = BasicTypeInfo.LOCAL_DATE;
  public static final TypeInformation<LocalTime> LOCAL_TIME = BasicTypeInfo.LOCAL_TIME;
  public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = BasicTypeInfo.LOCAL_DATE_TIME;

  private Types() {}

  /**
   * A {@code TupleN} type with the given field types (N = number of types). The result adapts to
   * the caller's target type, so it can be passed where a {@code TypeInformation<Tuple2<String,
   * Integer>>} is expected.
   */
  public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
    for (int i = 0; i < types.length; i++) {
      if (types[i] == null) {
        throw new NullPointerException("Types.TUPLE: the type of field " + i + " is null");
      }
    }
    return TupleTypeInfo.of(types);
  }

  /**
   * The type of a tuple class, typically a subclass that binds the field types:
   * {@code class WordCount extends Tuple2<String, Integer>}.
   */
  public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
    TypeInformation<T> info = TypeExtractor.forClass(tupleSubclass);
    if (!info.isTupleType()) {
      throw new IllegalArgumentException(tupleSubclass.getName() + " is not a concrete tuple class");
    }
    return info;
  }

  /**
   * The type of a POJO class (or a record), with field types found by reflection.
   *
   * @throws IllegalArgumentException if the class is not a POJO, with the reason
   */
  public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
    return TypeExtractor.forPojo(pojoClass);
  }

  /**
   * The type of a POJO class with explicitly given field types.
   *
   * @throws IllegalArgumentException if a named field does not exist in the class
   */
  public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
    TypeExtractor.checkFieldsExist(pojoClass, fields.keySet());
    return new PojoTypeInfo<>(pojoClass, fields);
  }

  public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
    return new ListTypeInfo<>(elementType);
  }

  public static <E> TypeInformation<Set<E>> SET(TypeInformation<E> elementType) {
    return new SetTypeInfo<>(elementType);
  }

  public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
    return new MapTypeInfo<>(keyType, valueType);
  }

  public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
    return new EnumTypeInfo<>(enumType);
  }

  /** A type handled as an opaque object, whatever its class looks like. */
  public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
    return new GenericTypeInfo<>(genericClass);
  }

  /**
   * An array of primitives, given the boxed element type: {@code PRIMITIVE_ARRAY(Types.INT)} is
   * {@code int[]}.
   */
  public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
    Class<?> boxed = elementType.getTypeClass();
    for (Class<?> primitive : new Class<?>[] {int.class, long.class, double.class, float.class,
        short.class, byte.class, boolean.class, char.class}) {
      if (BasicTypeInfo.getInfoFor(primitive).getTypeClass() == boxed) {
        return new PrimitiveArrayTypeInfo<>(java.lang.reflect.Array.newInstance(primitive, 0).getClass());
      }
    }
    throw new IllegalArgumentException("No primitive array exists for element type " + elementType);
  }

  /** An array of objects of the given element type: {@code OBJECT_ARRAY(Types.STRING)} is {@code String[]}. */
  public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
    return ObjectArrayTypeInfo.of(elementType);
  }
}
