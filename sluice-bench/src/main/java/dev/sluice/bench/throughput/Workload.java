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

    /** Event time of record {@code x} in the window jobs: ten records per millisecond. */
    public static long eventTime(long x) {
        return x / 10;
    }

    /**
     * Event time of the {@code i}-th record (from 0) that one source subtask of a job of
     * {@code parallelism} subtasks emits: {@code eventTime(i * parallelism)}, so every subtask's
     * event time starts at 0 and advances at the job's rate of ten records per millisecond. The
     * sequence is cut into contiguous ranges, one per subtask at a time; with {@link #eventTime} of
     * the record's number, one subtask's records would lie a whole range (50 windows at 40 M records) ahead of
     * the other's, hold the window operators' watermark (the minimum over both) back that far, and
     * keep that many windows open per key instead of one. At parallelism 1 this is {@code eventTime(x)}.
     */
    public static long subtaskEventTime(long i, int parallelism) {
        return eventTime(i * parallelism);
    }

    /**
     * Key of record {@code x} in the session job: each key gets a burst of 100 consecutive records
     * (10 ms of event time), then is silent for 100 s, so every burst is one session.
     */
    public static long sessionKey(long x) {
        return (x / 100) % KEYS;
    }

    /** Window sizes of the window jobs, in ms. */
    public static final long WINDOW = 10_000;
    public static final long SLIDE = 2_000;
    public static final long GAP = 10_000;

    /** Key of record {@code x} in the keyed job. */
    public static long key(long x) {
        return x % KEYS;
    }
}
