package dev.sluice.bench.nexmark.queries;

import java.io.Serializable;

/**
 * A set of longs in one open-addressing table, for distinct counts without boxing: adding a value
 * already there allocates nothing. Not thread-safe. A public POJO (public fields) so that window
 * accumulators holding it can be checkpointed; the fields are its table, not an API.
 */
public final class LongSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long FREE = 0; // 0 itself is tracked by hasZero

  public long[] slots = new long[16];
  public int size;
  public boolean hasZero;

  /** Adds {@code value}; whether it was new. */
  boolean add(long value) {
    if (value == FREE) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      return true;
    }
    int mask = slots.length - 1;
    int i = spread(value) & mask;
    while (slots[i] != FREE) {
      if (slots[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    if (++size * 2 > slots.length) {
      grow();
    }
    return true;
  }

  /** Adds every value of {@code other}. */
  void addAll(LongSet other) {
    if (other.hasZero) {
      add(0);
    }
    for (long v : other.slots) {
      if (v != FREE) {
        add(v);
      }
    }
  }

  /** The number of distinct values added. */
  int size() {
    return size + (hasZero ? 1 : 0);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != FREE) {
        add(v);
      }
    }
  }

  private static int spread(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
