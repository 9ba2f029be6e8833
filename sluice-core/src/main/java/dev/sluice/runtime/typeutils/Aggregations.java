package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The built-in keyed aggregations as {@link ReduceFunction}s over one field. The reducer receives
 * the key's accumulated element first and the new element second; it never mutates either:
 *
 * <ul>
 *   <li>{@code sum}: the accumulated element with the field replaced by the running sum, so the
 *       other fields keep the values of the key's first element;
 *   <li>{@code min}/{@code max}: the accumulated element with only the field replaced by the
 *       smallest/largest value so far;
 *   <li>{@code minBy}/{@code maxBy}: the whole element holding the smallest/largest value; on ties
 *       the first one seen wins, unless {@code first} is false, then the latest wins.
 * </ul>
 *
 * <p>Null field values are skipped: they neither add to a sum nor win a comparison.
 */
public final class Aggregations {
  private Aggregations() {}

  private static final String SUMMABLE =
      "Integer, Long, Short, Byte, Double, Float, BigInteger and BigDecimal";

  public static <T> ReduceFunction<T> sum(FieldAccessor<T> field) {
    checkKnownType(field, "sum", Aggregations::isSummable, "sum supports " + SUMMABLE);
    return new Sum<>(field);
  }

  public static <T> ReduceFunction<T> min(FieldAccessor<T> field) {
    return compareBy(field, "min", true, false, true);
  }

  public static <T> ReduceFunction<T> max(FieldAccessor<T> field) {
    return compareBy(field, "max", false, false, true);
  }

  public static <T> ReduceFunction<T> minBy(FieldAccessor<T> field) {
    return minBy(field, true);
  }

  /** Like {@link #minBy(FieldAccessor)}; {@code first=false} keeps the latest element on ties. */
  public static <T> ReduceFunction<T> minBy(FieldAccessor<T> field, boolean first) {
    return compareBy(field, "minBy", true, true, first);
  }

  public static <T> ReduceFunction<T> maxBy(FieldAccessor<T> field) {
    return maxBy(field, true);
  }

  /** Like {@link #maxBy(FieldAccessor)}; {@code first=false} keeps the latest element on ties. */
  public static <T> ReduceFunction<T> maxBy(FieldAccessor<T> field, boolean first) {
    return compareBy(field, "maxBy", false, true, first);
  }

  private static <T> ReduceFunction<T> compareBy(
      FieldAccessor<T> field, String name, boolean min, boolean whole, boolean first) {
    checkKnownType(field, name, c -> c.isPrimitive() || Comparable.class.isAssignableFrom(c),
        name + " needs a Comparable field");
    return new Compare<>(field, name, min, whole, first);
  }

  private static void checkKnownType(FieldAccessor<?> field, String op,
      java.util.function.Predicate<Class<?>> ok, String requirement) {
    Objects.requireNonNull(field, "field");
    TypeInformation<?> type = field.fieldType();
    if (type != null && type.getTypeClass() != Object.class && !ok.test(type.getTypeClass())) {
      throw new IllegalArgumentException("Cannot " + op + " " + field.describe() + " of type "
          + type + ": " + requirement);
    }
  }

  private static boolean isSummable(Class<?> c) {
    return c == Integer.class || c == Long.class || c == Short.class || c == Byte.class
        || c == Double.class || c == Float.class || c == BigInteger.class || c == BigDecimal.class;
  }

  /** Adds two field values of the same summable class. */
  static Object add(Object a, Object b, FieldAccessor<?> field) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (!isSummable(a.getClass())) {
      throw new IllegalArgumentException("Cannot sum " + field.describe() + " of type "
          + a.getClass().getName() + ": sum supports " + SUMMABLE);
    }
    if (a.getClass() != b.getClass()) {
      throw new IllegalArgumentException("Cannot sum " + field.describe() + ": it holds values of"
          + " both " + a.getClass().getName() + " and " + b.getClass().getName());
    }
    if (a instanceof Integer x) {
      return x + (Integer) b;
    } else if (a instanceof Long x) {
      return x + (Long) b;
    } else if (a instanceof Double x) {
      return x + (Double) b;
    } else if (a instanceof Float x) {
      return x + (Float) b;
    } else if (a instanceof Short x) {
      return (short) (x + (Short) b);
    } else if (a instanceof Byte x) {
      return (byte) (x + (Byte) b);
    } else if (a instanceof BigInteger x) {
      return x.add((BigInteger) b);
    } else {
      return ((BigDecimal) a).add((BigDecimal) b);
    }
  }

  private static final class Sum<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;
    private final FieldAccessor<T> field;

    Sum(FieldAccessor<T> field) {
      this.field = field;
    }

    @Override
    public T reduce(T accumulated, T next) {
      Object current = field.get(accumulated);
      Object sum = add(current, field.get(next), field);
      return sum == current ? accumulated : field.withValue(accumulated, sum);
    }
  }

  private static final class Compare<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;
    private final FieldAccessor<T> field;
    private final String name;
    private final boolean min;
    private final boolean whole;
    private final boolean first;

    Compare(FieldAccessor<T> field, String name, boolean min, boolean whole, boolean first) {
      this.field = field;
      this.name = name;
      this.min = min;
      this.whole = whole;
      this.first = first;
    }

    @Override
    public T reduce(T accumulated, T next) {
      Object current = field.get(accumulated);
      Object candidate = field.get(next);
      if (candidate == null) {
        return accumulated;
      }
      int cmp = current == null ? (min ? 1 : -1) : compare(current, candidate);
      boolean candidateWins = min ? cmp > 0 : cmp < 0;
      if (whole) {
        return candidateWins || (cmp == 0 && !first) ? next : accumulated;
      }
      return candidateWins ? field.withValue(accumulated, candidate) : accumulated;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object current, Object candidate) {
      if (!(current instanceof Comparable c)) {
        throw new IllegalArgumentException("Cannot " + name + " " + field.describe() + " of type "
            + current.getClass().getName() + ": " + name + " needs a Comparable field");
      }
      try {
        return c.compareTo(candidate);
      } catch (ClassCastException e) {
        throw new IllegalArgumentException("Cannot " + name + " " + field.describe() + ": it holds"
            + " values of both " + current.getClass().getName() + " and "
            + candidate.getClass().getName(), e);
      }
    }
  }
}
