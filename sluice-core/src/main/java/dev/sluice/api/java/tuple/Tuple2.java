package dev.sluice.api.java.tuple;

/**
 * A tuple with 2 fields, f0, f1. Fields are public and mutable;
 * equality and hash code are value based (arrays compare by content).
 */
public class Tuple2<T0, T1> extends Tuple {
  private static final long serialVersionUID = 1L;

  /** Field 0. */
  public T0 f0;
  /** Field 1. */
  public T1 f1;

  /** Creates a tuple with all fields null. */
  public Tuple2() {}

  /** Creates a tuple holding the given values. */
  public Tuple2(T0 f0, T1 f1) {
    this.f0 = f0;
    this.f1 = f1;
  }

  /** Creates a tuple holding the given values. */
  public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
    return new Tuple2<>(f0, f1);
  }

  /** Sets all fields at once. */
  public void setFields(T0 f0, T1 f1) {
    this.f0 = f0;
    this.f1 = f1;
  }

  @Override
  public int getArity() {
    return 2;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getField(int pos) {
    return switch (pos) {
      case 0 -> (T) f0;
      case 1 -> (T) f1;
      default -> throw outOfBounds(pos);
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void setField(T value, int pos) {
    switch (pos) {
      case 0 -> f0 = (T0) value;
      case 1 -> f1 = (T1) value;
      default -> throw outOfBounds(pos);
    }
  }

  /** Returns a new tuple holding the same field references (a shallow copy). */
  @Override
  @SuppressWarnings("unchecked")
  public Tuple2<T0, T1> copy() {
    return new Tuple2<>(f0, f1);
  }

  /** Returns a new tuple with the two fields swapped. */
  public Tuple2<T1, T0> swap() {
    return new Tuple2<>(f1, f0);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Tuple2<?, ?> other)) {
      return false;
    }
    return fieldEquals(f0, other.f0) && fieldEquals(f1, other.f1);
  }

  @Override
  public int hashCode() {
    int h = fieldHash(f0);
    h = 31 * h + fieldHash(f1);
    return h;
  }

  @Override
  public String toString() {
    return "(" + fieldToString(f0) + "," + fieldToString(f1) + ")";
  }
}
