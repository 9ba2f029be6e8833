package dev.sluice.bench.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the jobs' functions observe, in static fields: both engines run their tasks in this JVM, so
 * the driver reads what the (serialized, copied) functions record. Meant for jobs of parallelism 1:
 * {@link #record()} is called by one task thread at a time.
 */
public final class Probe {

    /** Gaps between records shorter than this are not logged (the source's rate limiter works in ms steps). */
    static final long LOGGED_GAP_NANOS = 5_000_000;

    /** Keys whose state was created (a key seen for the first time). */
    static final AtomicLong KEYS_CREATED = new AtomicLong();

    /** Logged gaps: {end of the gap in epoch ms, length in ns}. */
    private static final List<long[]> GAPS = new ArrayList<>();

    private static long lastNanos;
    private static volatile long failedAtNanos;
    private static volatile long firstAfterFailureNanos;

    private Probe() {}

    /** Called for every record that reaches the end of the job. */
    static void record() {
        long now = System.nanoTime();
        if (lastNanos != 0 && now - lastNanos >= LOGGED_GAP_NANOS) {
            synchronized (GAPS) {
                GAPS.add(new long[] {System.currentTimeMillis(), now - lastNanos});
            }
        }
        lastNanos = now;
        if (failedAtNanos != 0 && firstAfterFailureNanos == 0) {
            firstAfterFailureNanos = now;
        }
    }

    /** Called just before the injected failure is thrown. */
    static void failing() {
        failedAtNanos = System.nanoTime();
    }

    static boolean failed() {
        return failedAtNanos != 0;
    }

    /** Nanoseconds from the failure to the first record after it, or -1 if none has arrived yet. */
    static long restartNanos() {
        long after = firstAfterFailureNanos;
        return after == 0 ? -1 : after - failedAtNanos;
    }

    /**
     * The longest logged gap between records that overlaps the epoch-ms interval {@code [from, to]},
     * in ms; 0 when no gap of at least {@link #LOGGED_GAP_NANOS} overlaps it.
     */
    static double maxGapMs(long from, long to) {
        double max = 0;
        synchronized (GAPS) {
            for (long[] g : GAPS) {
                long end = g[0];
                long start = end - g[1] / 1_000_000;
                if (end >= from && start <= to) {
                    max = Math.max(max, g[1] / 1e6);
                }
            }
        }
        return max;
    }
}
