package dev.sluice.bench.throughput;

/**
 * The record-level functions shared by both engines. Both engines read the source sequence
 * {@code 0 .. n-1} from their own parallel sequence source and apply exactly these functions,
 * so the data is generated inside each source and the per-record work is identical.
 */
public final class Workload {

    /** Number of distinct keys in the keyed job. */
    public static final long KEYS = 10_000L;

    private Workload() {}

    /** Stateless map: {@code x -> 3x + 1}. */
    public static long transform(long x) {
        return x * 3 + 1;
    }

    /** Stateless filter on the mapped value: keeps exactly half of a contiguous sequence. */
    public static boolean keep(long mapped) {
        return (mapped & 1L) == 0L;
    }

    /** Key of record {@code x} in the keyed job. */
    public static long key(long x) {
        return x % KEYS;
    }
}
