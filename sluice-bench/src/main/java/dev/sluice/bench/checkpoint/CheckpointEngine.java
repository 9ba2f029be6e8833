package dev.sluice.bench.checkpoint;

import java.util.List;

/**
 * One engine's version of the checkpoint benchmarks' job, at parallelism 1:
 *
 * <pre>
 * generator source (0, 1, 2, ... at {@code rate} records/s, checkpointable)
 *   -&gt; keyBy(x % keys)
 *   -&gt; keyed process function: ValueState&lt;byte[]&gt; of payloadBytes per key, one byte changed per record
 *   -&gt; [fail once]  (only in {@link RestartTime})
 *   -&gt; probe map ({@link Probe#record()}) -&gt; discarding sink
 * </pre>
 *
 * <p>Each record updates its key's state (read, change one byte, write back), so the state holds
 * {@code keys × payloadBytes} bytes of payload once every key has been seen.
 */
interface CheckpointEngine {

    /**
     * The job's settings.
     *
     * @param keys distinct keys
     * @param payloadBytes size of each key's {@code byte[]} value
     * @param rate records per second of the source
     * @param checkpointIntervalMs interval of the periodic checkpoints
     * @param stateBackend {@code heap} (Sluice), {@code hashmap} or {@code rocksdb} (Flink)
     * @param failOnce whether the job fails once, in the map after the keyed function, as soon as the
     *     second checkpoint after the state is complete has completed (so the restored checkpoint holds all
     *     keys); then restarts at once (fixed-delay restart strategy, 1 attempt, delay 0)
     */
    record JobSpec(long keys, int payloadBytes, double rate, long checkpointIntervalMs, String stateBackend,
                   boolean failOnce) {}

    /**
     * One completed checkpoint, as the engine reports it.
     *
     * @param id checkpoint id
     * @param triggerEpochMs when it was triggered
     * @param durationMs trigger to completion
     * @param stateBytes size of the checkpoint's state
     * @param maxSyncMs longest synchronous part of any subtask (processing paused)
     * @param maxAsyncMs longest asynchronous part of any subtask
     * @param maxAlignmentMs longest barrier alignment of any subtask
     */
    record Checkpoint(long id, long triggerEpochMs, long durationMs, long stateBytes, long maxSyncMs,
                      long maxAsyncMs, long maxAlignmentMs) {}

    /** Starts the job; returns at once. */
    RunningJob start(JobSpec spec) throws Exception;

    /** A started job. */
    interface RunningJob {
        /** The completed checkpoints so far (savepoints excluded), oldest first. */
        List<Checkpoint> completedCheckpoints() throws Exception;

        /** Cancels the job and waits for it to stop. */
        void cancel() throws Exception;
    }

    /** The engine named {@code sluice} or {@code flink}. */
    static CheckpointEngine named(String engine) {
        switch (engine) {
            case "sluice":
                return new SluiceCheckpointEngine();
            case "flink":
                return new FlinkCheckpointEngine();
            default:
                throw new IllegalArgumentException("unknown engine " + engine + " (expected sluice or flink)");
        }
    }

    /** The engine's default state backend (Sluice: heap, Flink: hashmap). */
    static String defaultStateBackend(String engine) {
        return engine.equals("flink") ? "hashmap" : "heap";
    }
}
