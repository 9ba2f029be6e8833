package dev.sluice.api.java.tuple;

/** The tuple without fields. All instances are equal; it prints as {@code ()}. */
public class Tuple0 extends Tuple {
  private static final long serialVersionUID = 1L;

  /** A shared instance; tuples without fields carry no state. */
  public static final Tuple0 INSTANCE = new Tuple0();

  /** Creates an empty tuple. */
  public Tuple0() {}

  /** Returns {@link #INSTANCE}. */
  public static Tuple0 of() {
    return INSTANCE;
  }

  /** Does nothing: there are no fields to set. */
  public void setFields() {}

  @Override
  public int getArity() {
    return 0;
  }

  @Override
  public <T> T getField(int pos) {
    throw outOfBounds(pos);
  }

  @Override
  public <T> void setField(T value, int pos) {
    throw outOfBounds(pos);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Tuple0 copy() {
    return new Tuple0();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuple0;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "()";
  }
}
