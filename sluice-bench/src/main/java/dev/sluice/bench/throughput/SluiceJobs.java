package dev.sluice.bench.throughput;

// The same jobs as FlinkJobs, written against Sluice's Flink-identical API: only the imports
// and the checkpoint/state-backend set-up differ. The harness loads this class by reflection.

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.streaming.api.datastream.KeyedStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * The benchmark jobs on Sluice. Same shape as {@link FlinkJobs}, line for line.
 *
 * <p>With checkpointing, checkpoints go to a scratch directory deleted at JVM exit, and the
 * number of completed checkpoints comes from {@link JobClient#checkpointStatistics()}.
 */
public final class SluiceJobs implements EngineJobs {

    @Override
    public Prepared prepare(JobKind job, int parallelism, long events, boolean objectReuse, StateSettings state)
            throws ReflectiveOperationException {
        if (objectReuse) {
            throw new IllegalArgumentException("object reuse is a Flink-only variant in this harness");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setParallelism(parallelism);
        useStateBackend(env, state.stateBackend());
        if (state.checkpointing()) {
            env.enableCheckpointing(state.checkpointIntervalMs());
            env.getCheckpointConfig().setCheckpointStorage(ScratchDirectory.create("sluice-checkpoints"));
        }

        switch (job) {
            case STATELESS:
                env.fromSequence(0, events - 1)
                        .map(new Transform())
                        .filter(new Keep())
                        .sinkTo(new DiscardingSink<>());
                break;
            case KEYED:
                env.fromSequence(0, events - 1)
                        .map(new ToKeyed())
                        .keyBy(t -> t.f0)
                        .sum(1)
                        .sinkTo(new DiscardingSink<>());
                break;
            case TUMBLING:
                timed(env, events, new ToTimed(parallelism))
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(Workload.WINDOW)))
                        .aggregate(new Count())
                        .sinkTo(new DiscardingSink<>());
                break;
            case SLIDING:
                timed(env, events, new ToTimed(parallelism))
                        .window(SlidingEventTimeWindows.of(Duration.ofMillis(Workload.WINDOW),
                                Duration.ofMillis(Workload.SLIDE)))
                        .aggregate(new Count())
                        .sinkTo(new DiscardingSink<>());
                break;
            case SESSION:
                timed(env, events, new ToSessionTimed(parallelism))
                        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(Workload.GAP)))
                        .aggregate(new Count())
                        .sinkTo(new DiscardingSink<>());
                break;
            default:
                throw new IllegalArgumentException("unknown job " + job);
        }
        String name = "sluice-" + job.id() + "-p" + parallelism;
        return new Prepared() {
            private JobClient client;

            @Override
            public long execute() throws Exception {
                client = env.executeAsync(name);
                client.getJobExecutionResult().get();
                return -1L;
            }

            @Override
            public long completedCheckpoints() {
                if (!state.checkpointing()) {
                    return -1;
                }
                return client.checkpointStatistics().stream()
                        .filter(c -> c.status() == CheckpointStats.Status.COMPLETED && !c.savepoint())
                        .count();
            }
        };
    }

    /**
     * Sets the state backend named {@code name}: {@code heap} is Sluice's default. Any other name is
     * looked up by class name ({@link Main#SLUICE_STATE_BACKENDS}), without a compile-time dependency,
     * and set through the environment's {@code setStateBackend} method.
     *
     * @throws IllegalArgumentException if this build has no such backend
     */
    static void useStateBackend(StreamExecutionEnvironment env, String name) throws ReflectiveOperationException {
        if (name.equals("heap")) {
            return;
        }
        String className = Main.SLUICE_STATE_BACKENDS.get(name);
        if (className == null) {
            throw new IllegalArgumentException("unknown Sluice state backend '" + name + "' (expected heap or "
                    + String.join(" or ", Main.SLUICE_STATE_BACKENDS.keySet()) + ")");
        }
        Class<?> backend;
        try {
            backend = Class.forName(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(Main.sluiceBackendMissing(name));
        }
        for (Method m : env.getClass().getMethods()) {
            if (m.getName().equals("setStateBackend") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].isAssignableFrom(backend)) {
                m.invoke(env, backend.getDeclaredConstructor().newInstance());
                return;
            }
        }
        throw new IllegalArgumentException("Sluice state backend '" + name + "': " + className
                + " is on the class path but StreamExecutionEnvironment has no setStateBackend method for it");
    }

    /** Source -> (key, event time) with timestamps and monotonous watermarks -> keyBy(key). */
    private static KeyedStream<Tuple2<Long, Long>, Long> timed(StreamExecutionEnvironment env, long events,
            MapFunction<Long, Tuple2<Long, Long>> toTimed) {
        return env.fromSequence(0, events - 1)
                .map(toTimed)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0);
    }

    /** (key, event time): the key from the record's number, the time from this subtask's count of records. */
    static final class ToTimed implements MapFunction<Long, Tuple2<Long, Long>> {
        private final int parallelism;
        private long emitted;

        ToTimed(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public Tuple2<Long, Long> map(Long x) {
            return Tuple2.of(Workload.key(x), Workload.subtaskEventTime(emitted++, parallelism));
        }
    }

    /** (key, event time): the key from the record's number, the time from this subtask's count of records. */
    static final class ToSessionTimed implements MapFunction<Long, Tuple2<Long, Long>> {
        private final int parallelism;
        private long emitted;

        ToSessionTimed(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public Tuple2<Long, Long> map(Long x) {
            return Tuple2.of(Workload.sessionKey(x), Workload.subtaskEventTime(emitted++, parallelism));
        }
    }

    /** Counts the records of a window. */
    static final class Count implements AggregateFunction<Tuple2<Long, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<Long, Long> value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class Transform implements MapFunction<Long, Long> {
        @Override
        public Long map(Long x) {
            return Workload.transform(x);
        }
    }

    static final class Keep implements FilterFunction<Long> {
        @Override
        public boolean filter(Long v) {
            return Workload.keep(v);
        }
    }

    static final class ToKeyed implements MapFunction<Long, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Long x) {
            return Tuple2.of(Workload.key(x), x);
        }
    }
}
