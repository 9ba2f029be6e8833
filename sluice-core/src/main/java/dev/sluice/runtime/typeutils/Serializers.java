package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeinfo.BasicTypeInfo;
import dev.sluice.api.common.typeinfo.CompositeType;
import dev.sluice.api.common.typeinfo.EnumTypeInfo;
import dev.sluice.api.common.typeinfo.ListTypeInfo;
import dev.sluice.api.common.typeinfo.MapTypeInfo;
import dev.sluice.api.common.typeinfo.ObjectArrayTypeInfo;
import dev.sluice.api.common.typeinfo.PojoTypeInfo;
import dev.sluice.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.sluice.api.common.typeinfo.RecordTypeInfo;
import dev.sluice.api.common.typeinfo.SetTypeInfo;
import dev.sluice.api.common.typeinfo.TupleTypeInfo;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.base.BigDecSerializer;
import dev.sluice.api.common.typeutils.base.BigIntSerializer;
import dev.sluice.api.common.typeutils.base.BooleanSerializer;
import dev.sluice.api.common.typeutils.base.ByteSerializer;
import dev.sluice.api.common.typeutils.base.CharSerializer;
import dev.sluice.api.common.typeutils.base.DoubleSerializer;
import dev.sluice.api.common.typeutils.base.EnumSerializer;
import dev.sluice.api.common.typeutils.base.FloatSerializer;
import dev.sluice.api.common.typeutils.base.GenericArraySerializer;
import dev.sluice.api.common.typeutils.base.InstantSerializer;
import dev.sluice.api.common.typeutils.base.IntSerializer;
import dev.sluice.api.common.typeutils.base.ListSerializer;
import dev.sluice.api.common.typeutils.base.LocalDateSerializer;
import dev.sluice.api.common.typeutils.base.LocalDateTimeSerializer;
import dev.sluice.api.common.typeutils.base.LocalTimeSerializer;
import dev.sluice.api.common.typeutils.base.LongSerializer;
import dev.sluice.api.common.typeutils.base.MapSerializer;
import dev.sluice.api.common.typeutils.base.SetSerializer;
import dev.sluice.api.common.typeutils.base.ShortSerializer;
import dev.sluice.api.common.typeutils.base.StringSerializer;
import dev.sluice.api.common.typeutils.base.VoidSerializer;
import dev.sluice.api.common.typeutils.base.array.BooleanPrimitiveArraySerializer;
import dev.sluice.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import dev.sluice.api.common.typeutils.base.array.CharPrimitiveArraySerializer;
import dev.sluice.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import dev.sluice.api.common.typeutils.base.array.FloatPrimitiveArraySerializer;
import dev.sluice.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import dev.sluice.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import dev.sluice.api.common.typeutils.base.array.ShortPrimitiveArraySerializer;
import dev.sluice.api.java.typeutils.runtime.PojoSerializer;
import dev.sluice.api.java.typeutils.runtime.RecordSerializer;
import dev.sluice.api.java.typeutils.runtime.TupleSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Chooses a {@link TypeSerializer} from a {@link TypeInformation}. A serializer registered in the
 * {@link ExecutionConfig} for the type's class wins; otherwise the type's kind decides. Nested
 * types (fields, elements, keys, values, components) get theirs from their own {@link
 * TypeInformation#createSerializer}, so registrations and user overrides apply at every depth.
 * There is no fallback: a type that is not one of the kinds below is refused with a message that
 * says what to do.
 */
public final class Serializers {
  private static final Map<Class<?>, TypeSerializer<?>> BASIC = Map.ofEntries(
      Map.entry(String.class, StringSerializer.INSTANCE),
      Map.entry(Integer.class, IntSerializer.INSTANCE),
      Map.entry(Long.class, LongSerializer.INSTANCE),
      Map.entry(Double.class, DoubleSerializer.INSTANCE),
      Map.entry(Float.class, FloatSerializer.INSTANCE),
      Map.entry(Short.class, ShortSerializer.INSTANCE),
      Map.entry(Byte.class, ByteSerializer.INSTANCE),
      Map.entry(Boolean.class, BooleanSerializer.INSTANCE),
      Map.entry(Character.class, CharSerializer.INSTANCE),
      Map.entry(Void.class, VoidSerializer.INSTANCE),
      Map.entry(BigDecimal.class, BigDecSerializer.INSTANCE),
      Map.entry(BigInteger.class, BigIntSerializer.INSTANCE),
      Map.entry(Instant.class, InstantSerializer.INSTANCE),
      Map.entry(LocalDate.class, LocalDateSerializer.INSTANCE),
      Map.entry(LocalTime.class, LocalTimeSerializer.INSTANCE),
      Map.entry(LocalDateTime.class, LocalDateTimeSerializer.INSTANCE));

  private static final Map<Class<?>, TypeSerializer<?>> PRIMITIVE_ARRAYS = Map.of(
      byte[].class, BytePrimitiveArraySerializer.INSTANCE,
      short[].class, ShortPrimitiveArraySerializer.INSTANCE,
      int[].class, IntPrimitiveArraySerializer.INSTANCE,
      long[].class, LongPrimitiveArraySerializer.INSTANCE,
      float[].class, FloatPrimitiveArraySerializer.INSTANCE,
      double[].class, DoublePrimitiveArraySerializer.INSTANCE,
      boolean[].class, BooleanPrimitiveArraySerializer.INSTANCE,
      char[].class, CharPrimitiveArraySerializer.INSTANCE);

  private Serializers() {}

  /**
   * The serializer for {@code type}; {@code config} may be null (no registered serializers).
   *
   * @throws IllegalArgumentException naming the class, if Sluice cannot encode the type
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> TypeSerializer<T> create(TypeInformation<T> type, ExecutionConfig config) {
    Class<T> c = type.getTypeClass();
    if (config != null) {
      TypeSerializer<?> registered = config.getRegisteredTypeSerializers().get(c);
      if (registered != null) {
        return (TypeSerializer<T>) registered.duplicate();
      }
    }
    if (type instanceof BasicTypeInfo<?>) {
      return (TypeSerializer<T>) BASIC.get(c);
    }
    if (type instanceof PrimitiveArrayTypeInfo<?>) {
      return (TypeSerializer<T>) PRIMITIVE_ARRAYS.get(c);
    }
    if (type instanceof ObjectArrayTypeInfo<?, ?> array) {
      return new GenericArraySerializer(c.getComponentType(),
          array.getComponentInfo().createSerializer(config));
    }
    if (type instanceof EnumTypeInfo<?>) {
      return new EnumSerializer(c);
    }
    if (type instanceof ListTypeInfo<?> list) {
      return (TypeSerializer<T>) new ListSerializer<>(list.getElementType().createSerializer(config));
    }
    if (type instanceof SetTypeInfo<?> set) {
      return (TypeSerializer<T>) new SetSerializer<>(set.getElementType().createSerializer(config));
    }
    if (type instanceof MapTypeInfo<?, ?> map) {
      return (TypeSerializer<T>) new MapSerializer<>(map.getKeyType().createSerializer(config),
          map.getValueType().createSerializer(config));
    }
    if (type instanceof TupleTypeInfo<?> tuple) {
      return new TupleSerializer(c, fieldSerializers(tuple, config));
    }
    if (type instanceof RecordTypeInfo<?> record) {
      return new RecordSerializer(c, record.getFieldNames().toArray(new String[0]),
          fieldSerializers(record, config));
    }
    if (type instanceof PojoTypeInfo<?> pojo) {
      checkEveryPropertyDeclared(pojo);
      return new PojoSerializer<>(c, pojo.getFieldNames().toArray(new String[0]),
          fieldSerializers(pojo, config));
    }
    throw new IllegalArgumentException(cannotEncode(type));
  }

  private static TypeSerializer<?>[] fieldSerializers(CompositeType<?> type, ExecutionConfig config) {
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[type.getArity()];
    for (int i = 0; i < serializers.length; i++) {
      TypeInformation<?> field = type.getTypeAt(i);
      if (field == null) {
        throw new IllegalArgumentException("Sluice cannot encode " + type + " in state: the type"
            + " of field '" + type.getFieldNames().get(i) + "' is unknown. Declare the full type,"
            + " e.g. Types.TUPLE(Types.STRING, Types.LONG), a TypeHint, or Types.POJO(class,"
            + " fieldTypes) for a field whose type reflection cannot see (a type variable or a"
            + " raw collection)");
      }
      serializers[i] = field.createSerializer(config);
    }
    return serializers;
  }

  /** A POJO type declared with only some of its fields would silently lose the others. */
  private static void checkEveryPropertyDeclared(PojoTypeInfo<?> pojo) {
    PojoAnalyzer.Analysis analysis = PojoAnalyzer.of(pojo.getTypeClass());
    if (!analysis.isPojo()) {
      throw new IllegalArgumentException(cannotEncode(pojo));
    }
    List<String> declared = pojo.getFieldNames();
    for (PojoAnalyzer.Property property : analysis.properties()) {
      if (!declared.contains(property.name())) {
        throw new IllegalArgumentException("Sluice cannot encode " + pojo + " in state: field '"
            + property.name() + "' of " + pojo.getTypeClass().getName() + " has no declared type;"
            + " declare every field in Types.POJO(class, fieldTypes), or use Types.POJO(class)");
      }
    }
  }

  private static String cannotEncode(TypeInformation<?> type) {
    Class<?> c = type.getTypeClass();
    String whyNotPojo = PojoAnalyzer.of(c).whyNot();
    return "Sluice cannot encode values of " + c.getName() + " (" + type + ") in state or"
        + " checkpoints: it is not a basic type, enum, array, List, Set, Map, tuple, record or"
        + " POJO" + (whyNotPojo == null ? "" : " (not a POJO because " + whyNotPojo + ")")
        + ". Make it a POJO (a public class with a public no-argument constructor whose fields are"
        + " public or have public getters and setters) or a record, declare its type with Types or"
        + " a TypeHint, register a serializer with"
        + " ExecutionConfig.registerTypeSerializer(" + c.getSimpleName() + ".class, serializer),"
        + " or pass a TypeSerializer to the state descriptor";
  }
}
