package dev.sluice.bench.nexmark.generator;

/**
 * The pseudo-random sequence of {@link java.util.Random} (the 48-bit linear congruential generator
 * its specification fixes), reseedable and without synchronization: after {@code setSeed(s)} it
 * returns exactly what {@code new Random(s)} would. One instance per generator, reseeded with each
 * event id, replaces the standard generator's {@code new Random(eventId)} per event.
 */
final class EventRandom {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;

    EventRandom(long seed) {
        setSeed(seed);
    }

    void setSeed(long seed) {
        this.seed = (seed ^ MULTIPLIER) & MASK;
    }

    private int next(int bits) {
        seed = (seed * MULTIPLIER + ADDEND) & MASK;
        return (int) (seed >>> (48 - bits));
    }

    int nextInt() {
        return next(32);
    }

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    int nextInt(int bound) {
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
            // rejected: u fell in the incomplete last block of size bound
        }
        return r;
    }

    long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }

    double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
    }

    /** Uniform in {@code [0, n)} as the standard generator draws it (skewed for huge {@code n}). */
    long nextLong(long n) {
        if (n < Integer.MAX_VALUE) {
            return nextInt((int) n);
        }
        return Math.abs(nextLong() % n);
    }
}
