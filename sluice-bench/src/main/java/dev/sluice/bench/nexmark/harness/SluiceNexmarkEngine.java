package dev.sluice.bench.nexmark.harness;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.bench.nexmark.model.Event;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.bench.nexmark.queries.NexmarkQuery;
import dev.sluice.bench.nexmark.source.NexmarkSource;
import dev.sluice.bench.throughput.EngineJobs;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
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

    /** An engine that finds queries by name with {@code queries} (null for an unknown name). */
    public SluiceNexmarkEngine(Function<String, NexmarkQuery> queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
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
            env.enableCheckpointing(NexmarkJob.CHECKPOINT_INTERVAL_MILLIS);
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
            env.execute(name);
            return -1L;
        };
    }

    private static <T> void discard(DataStream<T> results) {
        results.sinkTo(new CountingSink<>());
    }

    @Override
    public long outputRecords() {
        return CountingSink.total();
    }
}
