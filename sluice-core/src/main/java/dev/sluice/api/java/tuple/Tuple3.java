package dev.sluice.api.java.tuple;

/**
 * A tuple with 3 fields, f0, f1, f2. Fields are public and mutable;
 * equality and hash code are value based (arrays compare by content).
 */
public class Tuple3<T0, T1, T2> extends Tuple {
  private static final long serialVersionUID = 1L;

  /** Field 0. */
  public T0 f0;
  /** Field 1. */
  public T1 f1;
  /** Field 2. */
  public T2 f2;

  /** Creates a tuple with all fields null. */
  public Tuple3() {}

  /** Creates a tuple holding the given values. */
  public Tuple3(T0 f0, T1 f1, T2 f2) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
  }

  /** Creates a tuple holding the given values. */
  public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
    return new Tuple3<>(f0, f1, f2);
  }

  /** Sets all fields at once. */
  public void setFields(T0 f0, T1 f1, T2 f2) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
  }

  @Override
  public int getArity() {
    return 3;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    return switch (pos) {
      case 0 -> (T) f0;
      case 1 -> (T) f1;
      case 2 -> (T) f2;
      default -> throw outOfBounds(pos);
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void setField(T value, int pos) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      case 1 -> f1 = (T1) value;
      case 2 -> f2 = (T2) value;
      default -> throw outOfBounds(pos);
    }
  }

  /** Returns a new tuple holding the same field references (a shallow copy). */
  @Override
  @SuppressWarnings("unchecked")
  public Tuple3<T0, T1, T2> copy() {
    return new Tuple3<>(f0, f1, f2);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Tuple3<?, ?, ?> other)) {
      return false;
    }
    return fieldEquals(f0, other.f0)
        && fieldEquals(f1, other.f1)
        && fieldEquals(f2, other.f2);
  }

  @Override
  public int hashCode() {
    int h = fieldHash(f0);
    h = 31 * h + fieldHash(f1);
    h = 31 * h + fieldHash(f2);
    return h;
  }

  @Override
  public String toString() {
    return "(" + fieldToString(f0) + "," + fieldToString(f1) + "," + fieldToString(f2) + ")";
  }
}
