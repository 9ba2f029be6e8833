package dev.sluice.bench.throughput;

/** The two benchmark job shapes. */
public enum JobKind {
    /** fromSequence -> map(3x+1) -> filter(even) -> discarding sink. */
    STATELESS,
    /** fromSequence -> map(Tuple2(x % 10000, x)) -> keyBy(f0) -> sum(1) -> discarding sink. */
    KEYED,
    /** fromSequence -> (key, event time) -> keyBy -> 10 s tumbling event-time window -> count. */
    TUMBLING,
    /** fromSequence -> (key, event time) -> keyBy -> 10 s / 2 s sliding event-time window -> count. */
    SLIDING,
    /** fromSequence -> (bursty key, event time) -> keyBy -> 10 s-gap session window -> count. */
    SESSION;

    /** Whether the job uses event-time windows. */
    public boolean windowed() {
        return this == TUMBLING || this == SLIDING || this == SESSION;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static JobKind parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
