package dev.sluice.bench.nexmark.queries;

import java.io.Serializable;

/**
 * Distinct longs in total and per price rank, in one open-addressing table: each value keeps the
 * set of ranks it was seen with as bits of a parallel byte, and a count per rank follows the bits.
 * A bid so costs one probe for "distinct in total" and "distinct in its rank" together (four
 * {@link LongSet}s cost two: the JFR profile of q16 had 57 % of its samples in those inserts).
 * Ranks are 1 to 3 ({@link PriceRank}). Not thread-safe. A public POJO (public fields) so that
 * window accumulators holding it can be checkpointed; the fields are its table, not an API.
 */
public final class RankedLongSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long FREE = 0; // 0 itself lives in zeroRanks

  public long[] slots = new long[16];
  /** The ranks each slot's value was seen with, bit r for rank r. */
  public byte[] ranks = new byte[16];
  /** Values in the table (0 not counted). */
  public int size;
  /** The ranks 0 was seen with; 0 when it was not seen. */
  public byte zeroRanks;
  /** Distinct values per rank, at index 1 to 3. */
  public long[] perRank = new long[4];

  /** Adds {@code value}, seen with {@code rank} (1 to 3). */
  void add(long value, int rank) {
    int bit = 1 << rank;
    if (value == FREE) {
      if ((zeroRanks & bit) == 0) {
        zeroRanks |= (byte) bit;
        perRank[rank]++;
      }
      return;
    }
    int mask = slots.length - 1;
    int i = spread(value) & mask;
    long v;
    while ((v = slots[i]) != FREE) {
      if (v == value) {
        if ((ranks[i] & bit) == 0) {
          ranks[i] |= (byte) bit;
          perRank[rank]++;
        }
        return;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    ranks[i] = (byte) bit;
    perRank[rank]++;
    if (++size * 2 > slots.length) {
      grow();
    }
  }

  /** Adds every value of {@code other} with each of its ranks. */
  void addAll(RankedLongSet other) {
    for (int r = 1; r <= 3; r++) {
      if ((other.zeroRanks & (1 << r)) != 0) {
        add(0, r);
      }
    }
    for (int i = 0; i < other.slots.length; i++) {
      if (other.slots[i] != FREE) {
        for (int r = 1; r <= 3; r++) {
          if ((other.ranks[i] & (1 << r)) != 0) {
            add(other.slots[i], r);
          }
        }
      }
    }
  }

  /** Distinct values in total. */
  long size() {
    return size + (zeroRanks != 0 ? 1 : 0);
  }

  /** Distinct values seen with {@code rank} (1 to 3). */
  long size(int rank) {
    return perRank[rank];
  }

  private void grow() {
    long[] oldSlots = slots;
    byte[] oldRanks = ranks;
    slots = new long[oldSlots.length * 2];
    ranks = new byte[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      long v = oldSlots[j];
      if (v != FREE) {
        int i = spread(v) & mask;
        while (slots[i] != FREE) {
          i = (i + 1) & mask;
        }
        slots[i] = v;
        ranks[i] = oldRanks[j];
      }
    }
  }

  private static int spread(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
