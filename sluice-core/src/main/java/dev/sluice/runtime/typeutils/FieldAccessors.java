package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.typeinfo.CompositeType;
import dev.sluice.api.common.typeinfo.GenericTypeInfo;
import dev.sluice.api.common.typeinfo.PojoTypeInfo;
import dev.sluice.api.common.typeinfo.RecordTypeInfo;
import dev.sluice.api.common.typeinfo.TupleTypeInfo;
import dev.sluice.api.common.typeinfo.TypeInformation;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Creates {@link FieldAccessor}s for positional keys ({@code keyBy(1)}, {@code sum(1)}) and field
 * expressions ({@code keyBy("category")}, {@code sum("f1")}).
 *
 * <p>When the stream's type is known, a bad position or field name fails right here, with a
 * message meant for the user who wrote it. When it is unknown (null), the accessor resolves itself
 * on the first element, by that element's runtime class, and fails then with the same messages.
 */
public final class FieldAccessors {
  private FieldAccessors() {}

  /**
   * An accessor for the field at {@code pos}: a tuple field, or position 0 of a basic type (the
   * element itself).
   *
   * @param type the stream's type, or null if not known
   * @throws IllegalArgumentException if the type is known and has no such position
   */
  public static <T> FieldAccessor<T> forPosition(TypeInformation<T> type, int pos) {
    return type == null ? new LazyFieldAccessor<>(pos, null) : byPosition(type, pos);
  }

  /**
   * An accessor for a named field: a POJO field, a record component, {@code f0}, {@code f1}, ...
   * of a tuple, or {@code *} for the whole element.
   *
   * @param type the stream's type, or null if not known
   * @throws IllegalArgumentException if the expression is malformed, or the type is known and has
   *     no such field
   */
  public static <T> FieldAccessor<T> forExpression(TypeInformation<T> type, String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("A field expression must name a field, but it is empty");
    }
    if (expression.equals("*")) {
      return new WholeElementAccessor<>(type, "*");
    }
    if (expression.contains(".")) {
      throw new IllegalArgumentException("Nested field expressions such as '" + expression
          + "' are not supported; use a KeySelector");
    }
    return type == null ? new LazyFieldAccessor<>(null, expression) : byName(type, expression);
  }

  static <T> FieldAccessor<T> byPosition(TypeInformation<T> type, int pos) {
    if (type instanceof TupleTypeInfo<?> tuple) {
      int arity = tuple.getArity();
      if (pos < 0 || pos >= arity) {
        throw new IllegalArgumentException("Position " + pos + " is out of range for " + tuple
            + (arity == 0 ? ": it has no fields" : ": valid positions are 0.." + (arity - 1)));
      }
      return new TupleFieldAccessor<>(pos, tuple.toString(), tuple.getTypeAt(pos));
    }
    if (type.isBasicType()) {
      if (pos != 0) {
        throw new IllegalArgumentException("Position " + pos + " is out of range for " + type
            + ": a basic type only has position 0, the value itself");
      }
      return new WholeElementAccessor<>(type, "0");
    }
    throw new IllegalArgumentException("Positional keys and aggregations need a Tuple type, but the"
        + " stream's type is " + describeType(type) + "; use a field name or a KeySelector");
  }

  static <T> FieldAccessor<T> byName(TypeInformation<T> type, String name) {
    if (type instanceof CompositeType<T> composite) {
      int pos = composite.getFieldIndex(name);
      if (pos < 0) {
        throw new IllegalArgumentException(
            noSuchField(name, describeType(type), composite.getFieldNames()));
      }
      if (composite instanceof TupleTypeInfo<?>) {
        return new TupleFieldAccessor<>(pos, type.toString(), composite.getTypeAt(pos));
      }
      if (composite instanceof RecordTypeInfo<?>) {
        return new RecordFieldAccessor<>(type.getTypeClass(), name, composite.getTypeAt(pos));
      }
      return new PojoFieldAccessor<>(type.getTypeClass(), name, composite.getTypeAt(pos));
    }
    if (type instanceof GenericTypeInfo<?>) {
      String why = PojoAnalyzer.of(type.getTypeClass()).whyNot();
      throw new IllegalArgumentException("Field '" + name + "' cannot be accessed in "
          + describeType(type) + " because it is not a POJO (" + why + "); use a KeySelector");
    }
    throw new IllegalArgumentException("Field expressions need a Tuple, POJO or record type, but"
        + " the stream's type is " + describeType(type) + "; use a KeySelector");
  }

  /** How messages name a type: tuples with their field types, classes by their full name. */
  static String describeType(TypeInformation<?> type) {
    if (type instanceof PojoTypeInfo<?> || type instanceof RecordTypeInfo<?>
        || type instanceof GenericTypeInfo<?>) {
      return type.getTypeClass().getName();
    }
    return type.toString();
  }

  static String noSuchField(String field, String typeName, List<String> fields) {
    return "Field '" + field + "' does not exist in " + typeName + "; its fields are: "
        + String.join(", ", fields);
  }

  /** Fails if {@code value} cannot be stored in a field declared as {@code declared}. */
  static void checkAssignable(Class<?> declared, Object value, FieldAccessor<?> accessor) {
    if (value == null) {
      if (declared.isPrimitive()) {
        throw new IllegalArgumentException("Cannot set " + accessor.describe() + " ("
            + declared.getName() + ") to null");
      }
      return;
    }
    Class<?> boxed = MethodType.methodType(declared).wrap().returnType();
    if (!boxed.isInstance(value)) {
      throw new IllegalArgumentException("Cannot set " + accessor.describe() + " ("
          + declared.getName() + ") to a value of type " + value.getClass().getName());
    }
  }
}
