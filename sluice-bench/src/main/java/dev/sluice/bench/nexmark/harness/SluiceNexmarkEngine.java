package dev.sluice.bench.nexmark.harness;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.bench.nexmark.queries.NexmarkQuery;
import dev.sluice.bench.nexmark.source.NexmarkSource;
import dev.sluice.bench.throughput.EngineJobs;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Sluice side of the Nexmark harness: {@link NexmarkSource} → {@code
 * assignTimestampsAndWatermarks} (event time {@link Event#dateTime()}, bounded out-of-orderness
 * of {@link #OUT_OF_ORDERNESS}, the Flink suite's watermark) → the query → a {@link CountingSink},
 * on {@code StreamExecutionEnvironment.createLocalEnvironment(p)}.
 *
 * <p>With checkpointing on, the job checkpoints every 10 s (as the Flink side) into a temporary
 * directory.
 */
public final class SluiceNexmarkEngine implements NexmarkEngine {

    /** How far the watermark trails the largest event time seen. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(4);

    private final Function<String, NexmarkQuery> queries;
    private final long checkpointIntervalMillis;
    private long completedCheckpoints = -1;

    /** An engine that finds queries by name with {@code queries} (null for an unknown name). */
    public SluiceNexmarkEngine(Function<String, NexmarkQuery> queries) {
        this(queries, NexmarkJob.CHECKPOINT_INTERVAL_MILLIS);
    }

    /**
     * Like {@link #SluiceNexmarkEngine(Function)}, checkpointing (when a job asks for it) every
     * {@code checkpointIntervalMillis} ms instead of the harness' 10 s: tests use it to make small
     * jobs take checkpoints while their state is full.
     */
    SluiceNexmarkEngine(Function<String, NexmarkQuery> queries, long checkpointIntervalMillis) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.checkpointIntervalMillis = checkpointIntervalMillis;
    }

    @Override
    public String name() {
        return "sluice";
    }

    @Override
    public EngineJobs.Prepared prepare(NexmarkJob job) {
        NexmarkQuery query = queries.apply(job.query());
        if (query == null) {
            throw new IllegalArgumentException("Sluice has no Nexmark query " + job.query() + " in this build");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(job.parallelism());
        env.setParallelism(job.parallelism());
        if (job.checkpointing()) {
            env.enableCheckpointing(checkpointIntervalMillis);
        }
        // a measurement that fails must fail, not restart (the default with checkpoints)
        env.setRestartStrategy(RestartStrategies.noRestart());
        DataStream<Event> events = env
                .fromSource(new NexmarkSource(job.events()), WatermarkStrategy.noWatermarks(), "nexmark")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .withTimestampAssigner((event, ts) -> event.dateTime()));
        discard(query.build(events, job.context()));
        String name = "sluice-nexmark-" + job.query() + "-p" + job.parallelism();
        return () -> {
            CountingSink.reset();
            completedCheckpoints = -1;
            JobClient client = env.executeAsync(name);
            try {
                client.getJobExecutionResult().get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e; // as execute() would
            }
            if (job.checkpointing()) {
                completedCheckpoints = client.checkpointStatistics().stream()
                        .filter(c -> c.status() == CheckpointStats.Status.COMPLETED)
                        .count();
            }
            return -1L;
        };
    }

    private static <T> void discard(DataStream<T> results) {
        results.sinkTo(new CountingSink<>());
    }

    /** Checkpoints the last job completed, or -1 if it did not checkpoint. */
    long completedCheckpoints() {
        return completedCheckpoints;
    }

    @Override
    public long outputRecords() {
        return CountingSink.total();
    }
}
