package dev.sluice.api.java.tuple;

/**
 * A tuple with 1 field, f0. Fields are public and mutable;
 * equality and hash code are value based (arrays compare by content).
 */
public class Tuple1<T0> extends Tuple {
  private static final long serialVersionUID = 1L;

  /** Field 0. */
  public T0 f0;

  /** Creates a tuple with all fields null. */
  public Tuple1() {}

  /** Creates a tuple holding the given values. */
  public Tuple1(T0 f0) {
    this.f0 = f0;
  }

  /** Creates a tuple holding the given values. */
  public static <T0> Tuple1<T0> of(T0 f0) {
    return new Tuple1<>(f0);
  }

  /** Sets all fields at once. */
  public void setFields(T0 f0) {
    this.f0 = f0;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    return switch (pos) {
      case 0 -> (T) f0;
      default -> throw outOfBounds(pos);
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void setField(T value, int pos) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      default -> throw outOfBounds(pos);
    }
  }

  /** Returns a new tuple holding the same field references (a shallow copy). */
  @Override
  @SuppressWarnings("unchecked")
  public Tuple1<T0> copy() {
    return new Tuple1<>(f0);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Tuple1<?> other)) {
      return false;
    }
    return fieldEquals(f0, other.f0);
  }

  @Override
  public int hashCode() {
    int h = fieldHash(f0);
    return h;
  }

  @Override
  public String toString() {
    return "(" + fieldToString(f0) + ")";
  }
}
