package dev.sluice.api.common.typeinfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** An atomic value type: boxed primitives, {@code String}, big numbers and java.time values. */
public final class BasicTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = new LinkedHashMap<>();

  public static final BasicTypeInfo<String> STRING = register(String.class);
  public static final BasicTypeInfo<Integer> INT = register(Integer.class, int.class);
  public static final BasicTypeInfo<Long> LONG = register(Long.class, long.class);
  public static final BasicTypeInfo<Double> DOUBLE = register(Double.class, double.class);
  public static final BasicTypeInfo<Float> FLOAT = register(Float.class, float.class);
  public static final BasicTypeInfo<Short> SHORT = register(Short.class, short.class);
  public static final BasicTypeInfo<Byte> BYTE = register(Byte.class, byte.class);
  public static final BasicTypeInfo<Boolean> BOOLEAN = register(Boolean.class, boolean.class);
  public static final BasicTypeInfo<Character> CHAR = register(Character.class, char.class);
  public static final BasicTypeInfo<Void> VOID = register(Void.class, void.class);
  public static final BasicTypeInfo<BigDecimal> BIG_DEC = register(BigDecimal.class);
  public static final BasicTypeInfo<BigInteger> BIG_INT = register(BigInteger.class);
  public static final BasicTypeInfo<Instant> INSTANT = register(Instant.class);
  public static final BasicTypeInfo<LocalDate> LOCAL_DATE = register(LocalDate.class);
  public static final BasicTypeInfo<LocalTime> LOCAL_TIME = register(LocalTime.class);
  public static final BasicTypeInfo<LocalDateTime> LOCAL_DATE_TIME = register(LocalDateTime.class);

  private final Class<T> typeClass;

  private BasicTypeInfo(Class<T> typeClass) {
    this.typeClass = typeClass;
  }

  private static <T> BasicTypeInfo<T> register(Class<T> boxed, Class<?>... aliases) {
    BasicTypeInfo<T> info = new BasicTypeInfo<>(boxed);
    BY_CLASS.put(boxed, info);
    for (Class<?> alias : aliases) {
      BY_CLASS.put(alias, info);
    }
    return info;
  }

  /** The basic type for a class (primitive classes map to their boxed type), or null if none. */
  @SuppressWarnings("unchecked")
  public static <T> BasicTypeInfo<T> getInfoFor(Class<T> type) {
    return (BasicTypeInfo<T>) BY_CLASS.get(type);
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public boolean isBasicType() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BasicTypeInfo<?> other && other.typeClass == typeClass;
  }

  @Override
  public int hashCode() {
    return typeClass.getName().hashCode();
  }

  @Override
  public String toString() {
    return typeClass.getSimpleName();
  }
}
