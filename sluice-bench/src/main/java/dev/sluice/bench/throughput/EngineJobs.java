package dev.sluice.bench.throughput;

/**
 * One engine's implementation of the benchmark jobs. Implementations build the pipeline in
 * {@link #prepare} and return a handle whose {@link Prepared#execute()} is exactly the engine's
 * job execution call, so that the harness times only job execution.
 */
public interface EngineJobs {

    Prepared prepare(JobKind job, int parallelism, long events, boolean objectReuse, StateSettings state)
            throws Exception;

    /**
     * Checkpointing and state backend of a run.
     *
     * @param checkpointIntervalMs interval between checkpoints in milliseconds; 0 = checkpointing off
     * @param stateBackend the harness's name of the engine's state backend: {@code heap} (Sluice's, the
     *     only one in this build), {@code hashmap} (Flink's default heap backend) or {@code rocksdb}
     */
    record StateSettings(long checkpointIntervalMs, String stateBackend) {
        public boolean checkpointing() {
            return checkpointIntervalMs > 0;
        }
    }

    /** A built, not yet executed, job. */
    interface Prepared {
        /**
         * Runs the job to completion (blocking).
         *
         * @return the engine-reported net job runtime in milliseconds, or -1 if the engine does not report one
         */
        long execute() throws Exception;

        /**
         * Checkpoints that completed during {@link #execute()} (the final checkpoint of the bounded job
         * included), or -1 when checkpointing is off or the engine does not tell.
         */
        default long completedCheckpoints() {
            return -1;
        }
    }
}
