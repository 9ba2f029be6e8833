package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.queries.QueryContext;

/**
 * One Nexmark job for an engine to build: a query over a bounded event stream.
 *
 * @param query the standard query name, "q0" .. "q22"
 * @param parallelism the job's parallelism (source readers included)
 * @param events the stream; bounded ({@link GeneratorConfig#numEvents()} > 0)
 * @param checkpointing whether to checkpoint every {@link #CHECKPOINT_INTERVAL_MILLIS} ms
 * @param context the side input size of q13 and the output directory of q10
 */
public record NexmarkJob(String query, int parallelism, GeneratorConfig events, boolean checkpointing,
        QueryContext context) {

    /** The checkpoint interval of "checkpointing on". */
    public static final long CHECKPOINT_INTERVAL_MILLIS = 10_000;

    public NexmarkJob {
        if (events.isUnbounded()) {
            throw new IllegalArgumentException("A benchmark job needs a bounded stream");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
    }

    /** This job over the first {@code numEvents} events of the same stream. */
    public NexmarkJob withEvents(long numEvents) {
        return new NexmarkJob(query, parallelism, events.toBuilder().numEvents(numEvents).build(), checkpointing,
                context);
    }
}
