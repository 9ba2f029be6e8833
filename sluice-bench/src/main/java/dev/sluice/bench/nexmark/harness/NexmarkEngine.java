package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.throughput.EngineJobs;

/**
 * One engine's side of the Nexmark harness: builds a {@link NexmarkJob} (events source with
 * timestamps and watermarks, the query, a discarding sink) and returns it unexecuted, so that the
 * harness times only the execution.
 */
public interface NexmarkEngine {

    /** "sluice" or "flink". */
    String name();

    /** Builds the job; {@link EngineJobs.Prepared#execute()} runs it to completion. */
    EngineJobs.Prepared prepare(NexmarkJob job) throws Exception;

    /** Records the sink received in the last execution, or -1 if the engine does not count them. */
    long outputRecords();
}
