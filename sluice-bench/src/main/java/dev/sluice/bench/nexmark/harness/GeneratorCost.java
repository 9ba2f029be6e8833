package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.generator.NexmarkGenerator;
import dev.sluice.bench.nexmark.model.Event;

/**
 * What generating the events costs without any engine: the plain {@link NexmarkGenerator} over
 * the stream on one thread, after a warm-up pass, so the engines' share of their time is visible.
 *
 * @param events events timed
 * @param nanos wall time of the timed pass
 */
record GeneratorCost(long events, long nanos) {

    /** Iterates {@code warmupEvents}, then times {@code config}'s events. */
    static GeneratorCost measure(GeneratorConfig config, long warmupEvents) {
        if (warmupEvents > 0) {
            drain(config.toBuilder().numEvents(warmupEvents).build());
        }
        long t0 = System.nanoTime();
        long seen = drain(config);
        return new GeneratorCost(seen, System.nanoTime() - t0);
    }

    /** Counts the events; their times feed a checksum the JIT cannot drop. */
    private static long drain(GeneratorConfig config) {
        NexmarkGenerator generator = new NexmarkGenerator(config);
        long n = 0;
        long check = 0;
        while (generator.hasNext()) {
            Event e = generator.next();
            check += e.dateTime();
            n++;
        }
        if (check == 42) {
            System.err.print("");
        }
        return n;
    }

    double nanosPerEvent() {
        return (double) nanos / events;
    }

    double eventsPerSecond() {
        return events / (nanos / 1e9);
    }
}
