package dev.sluice.bench.throughput;

/** The two benchmark job shapes. */
public enum JobKind {
    /** fromSequence -> map(3x+1) -> filter(even) -> discarding sink. */
    STATELESS,
    /** fromSequence -> map(Tuple2(x % 10000, x)) -> keyBy(f0) -> sum(1) -> discarding sink. */
    KEYED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static JobKind parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
