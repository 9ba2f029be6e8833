package dev.sluice.api.java.tuple;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Base class of the fixed-arity tuples {@link Tuple0} to {@link Tuple10}. A tuple is a small,
 * mutable record with positional fields {@code f0, f1, ...}; subclasses expose those fields
 * directly, this class gives positional access to them.
 *
 * <p>Equality and hash codes are value based and deterministic across JVM runs whenever the field
 * values' own hash codes are (arrays are compared and hashed by content), so tuples can serve as
 * keys.
 */
public abstract class Tuple implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The largest arity that has a tuple class. */
  public static final int MAX_ARITY = 10;

  private static final Class<?>[] CLASSES = {
    Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class,
    Tuple6.class, Tuple7.class, Tuple8.class, Tuple9.class, Tuple10.class
  };

  /** Number of fields of this tuple. */
  public abstract int getArity();

  /**
   * Returns the field at {@code pos}.
   *
   * @throws IndexOutOfBoundsException if {@code pos} is not in {@code 0..getArity()-1}
   */
  public abstract <T> T getField(int pos);

  /**
   * Sets the field at {@code pos}.
   *
   * @throws IndexOutOfBoundsException if {@code pos} is not in {@code 0..getArity()-1}
   */
  public abstract <T> void setField(T value, int pos);

  /** Returns a new tuple of the same class holding the same field references (a shallow copy). */
  public abstract <T extends Tuple> T copy();

  /** Returns the field at {@code pos}, failing if it is null. */
  public <T> T getFieldNotNull(int pos) {
    T value = getField(pos);
    if (value == null) {
      throw new NullPointerException("Field " + pos + " of " + getClass().getSimpleName() + " is null");
    }
    return value;
  }

  /**
   * Returns the tuple class with the given number of fields.
   *
   * @throws IllegalArgumentException if {@code arity} is negative or above {@link #MAX_ARITY}
   */
  @SuppressWarnings("unchecked")
  public static Class<? extends Tuple> getTupleClass(int arity) {
    checkArity(arity);
    return (Class<? extends Tuple>) CLASSES[arity];
  }

  /** Creates a tuple of the given arity with all fields null. */
  public static Tuple newInstance(int arity) {
    checkArity(arity);
    return switch (arity) {
      case 0 -> new Tuple0();
      case 1 -> new Tuple1<>();
      case 2 -> new Tuple2<>();
      case 3 -> new Tuple3<>();
      case 4 -> new Tuple4<>();
      case 5 -> new Tuple5<>();
      case 6 -> new Tuple6<>();
      case 7 -> new Tuple7<>();
      case 8 -> new Tuple8<>();
      case 9 -> new Tuple9<>();
      case 10 -> new Tuple10<>();
      default -> throw new AssertionError(arity);
    };
  }

  private static void checkArity(int arity) {
    if (arity < 0 || arity > MAX_ARITY) {
      throw new IllegalArgumentException(
          "No tuple class has arity " + arity + ": arities go from 0 to " + MAX_ARITY);
    }
  }

  /** The exception thrown for a position outside this tuple's fields. */
  protected final IndexOutOfBoundsException outOfBounds(int pos) {
    int arity = getArity();
    String valid = arity == 0 ? "it has no fields" : "valid positions are 0.." + (arity - 1);
    return new IndexOutOfBoundsException(
        "Position " + pos + " is out of range for a tuple of arity " + arity + " ("
            + getClass().getSimpleName() + "): " + valid);
  }

  /** Null-safe, array-aware equality of two field values. */
  protected static boolean fieldEquals(Object a, Object b) {
    return Objects.deepEquals(a, b);
  }

  /** Null-safe, array-aware hash of a field value (0 for null, content hash for arrays). */
  protected static int fieldHash(Object value) {
    if (value == null) {
      return 0;
    }
    if (value.getClass().isArray()) {
      return Arrays.deepHashCode(new Object[] {value});
    }
    return value.hashCode();
  }

  /** Renders a field value: {@code null} for null, arrays by content such as {@code [1, 2]}. */
  protected static String fieldToString(Object value) {
    if (value == null || !value.getClass().isArray()) {
      return String.valueOf(value);
    }
    String s = Arrays.deepToString(new Object[] {value});
    return s.substring(1, s.length() - 1);
  }
}
