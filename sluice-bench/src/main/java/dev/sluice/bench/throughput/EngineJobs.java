package dev.sluice.bench.throughput;

/**
 * One engine's implementation of the benchmark jobs. Implementations build the pipeline in
 * {@link #prepare} and return a handle whose {@link Prepared#execute()} is exactly the engine's
 * {@code env.execute(name)} call, so that the harness times only job execution.
 */
public interface EngineJobs {

    Prepared prepare(JobKind job, int parallelism, long events, boolean objectReuse) throws Exception;

    /** A built, not yet executed, job. */
    interface Prepared {
        /**
         * Runs the job to completion (blocking).
         *
         * @return the engine-reported net job runtime in milliseconds, or -1 if the engine does not report one
         */
        long execute() throws Exception;
    }
}
