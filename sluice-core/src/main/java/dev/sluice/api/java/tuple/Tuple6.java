package dev.sluice.api.java.tuple;

/**
 * A tuple with 6 fields, f0, f1, f2, f3, f4, f5. Fields are public and mutable;
 * equality and hash code are value based (arrays compare by content).
 */
public class Tuple6<T0, T1, T2, T3, T4, T5> extends Tuple {
  private static final long serialVersionUID = 1L;

  /** Field 0. */
  public T0 f0;
  /** Field 1. */
  public T1 f1;
  /** Field 2. */
  public T2 f2;
  /** Field 3. */
  public T3 f3;
  /** Field 4. */
  public T4 f4;
  /** Field 5. */
  public T5 f5;

  /** Creates a tuple with all fields null. */
  public Tuple6() {}

  /** Creates a tuple holding the given values. */
  public Tuple6(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
    this.f3 = f3;
    this.f4 = f4;
    this.f5 = f5;
  }

  /** Creates a tuple holding the given values. */
  public static <T0, T1, T2, T3, T4, T5> Tuple6<T0, T1, T2, T3, T4, T5> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5) {
    return new Tuple6<>(f0, f1, f2, f3, f4, f5);
  }

  /** Sets all fields at once. */
  public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
    this.f3 = f3;
    this.f4 = f4;
    this.f5 = f5;
  }

  @Override
  public int getArity() {
    return 6;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    return switch (pos) {
      case 0 -> (T) f0;
      case 1 -> (T) f1;
      case 2 -> (T) f2;
      case 3 -> (T) f3;
      case 4 -> (T) f4;
      case 5 -> (T) f5;
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
      case 3 -> f3 = (T3) value;
      case 4 -> f4 = (T4) value;
      case 5 -> f5 = (T5) value;
      default -> throw outOfBounds(pos);
    }
  }

  /** Returns a new tuple holding the same field references (a shallow copy). */
  @Override
  @SuppressWarnings("unchecked")
  public Tuple6<T0, T1, T2, T3, T4, T5> copy() {
    return new Tuple6<>(f0, f1, f2, f3, f4, f5);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Tuple6<?, ?, ?, ?, ?, ?> other)) {
      return false;
    }
    return fieldEquals(f0, other.f0)
        && fieldEquals(f1, other.f1)
        && fieldEquals(f2, other.f2)
        && fieldEquals(f3, other.f3)
        && fieldEquals(f4, other.f4)
        && fieldEquals(f5, other.f5);
  }

  @Override
  public int hashCode() {
    int h = fieldHash(f0);
    h = 31 * h + fieldHash(f1);
    h = 31 * h + fieldHash(f2);
    h = 31 * h + fieldHash(f3);
    h = 31 * h + fieldHash(f4);
    h = 31 * h + fieldHash(f5);
    return h;
  }

  @Override
  public String toString() {
    return "(" + fieldToString(f0) + "," + fieldToString(f1) + "," + fieldToString(f2) + "," + fieldToString(f3) + "," + fieldToString(f4) + "," + fieldToString(f5) + ")";
  }
}
