package dev.sluice.examples.usecases;

/**
 * Deterministic pseudo-randomness for the generators: every value is a pure function of the event
 * index and a salt, so a generated stream is the same on every run and at every parallelism.
 */
public final class Randomness {
  /** 2025-01-01T00:00:00Z, where generated event time starts. */
  public static final long START_MILLIS = 1_735_689_600_000L;

  private Randomness() {}

  /** A well-mixed 64-bit hash of {@code index} and {@code salt} (a SplitMix64-style finalizer). */
  public static long hash(long index, long salt) {
    long z = index * 0x9E3779B97F4A7C15L + salt * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  public static double uniform(long index, long salt) {
    return (hash(index, salt) >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound) for {@code bound > 0}; 0 when {@code bound <= 0}. */
  public static long below(long index, long salt, long bound) {
    return bound <= 0 ? 0 : Long.remainderUnsigned(hash(index, salt), bound);
  }

  /** {@code value} rounded to one decimal. */
  public static double oneDecimal(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
