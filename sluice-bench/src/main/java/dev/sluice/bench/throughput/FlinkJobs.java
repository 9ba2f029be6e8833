package dev.sluice.bench.throughput;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark jobs on Apache Flink 2.3, run on the default local MiniCluster
 * ({@code createLocalEnvironment(p)}), default STREAMING runtime mode.
 *
 * <p>Keep this file and {@link SluiceJobs} the same shape, line for line.
 *
 * <p>State backend: {@code hashmap} (Flink's default) or {@code rocksdb}
 * ({@code EmbeddedRocksDBStateBackend}, full checkpoints: Flink's default, not incremental), set
 * through {@link StateBackendOptions#STATE_BACKEND}. With checkpointing, checkpoints go to a scratch
 * directory ({@link CheckpointingOptions#CHECKPOINTS_DIRECTORY}, file-system checkpoint storage)
 * deleted at JVM exit. Completed checkpoints are counted by the job's first function (a
 * {@link CheckpointListener}: every parallel instance adds the ids it is notified of to one set in
 * this JVM; the MiniCluster runs in-process).
 */
public final class FlinkJobs implements EngineJobs {

    @Override
    public Prepared prepare(JobKind job, int parallelism, long events, boolean objectReuse, StateSettings state) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OBJECT_REUSE, objectReuse); // Flink's default is false
        conf.set(StateBackendOptions.STATE_BACKEND, state.stateBackend());
        if (state.checkpointing()) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    ScratchDirectory.create("flink-checkpoints").toUri().toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setParallelism(parallelism);
        if (state.checkpointing()) {
            env.enableCheckpointing(state.checkpointIntervalMs());
        }
        CountingCheckpoints.COMPLETED.clear();

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
        String name = "flink-" + job.id() + "-p" + parallelism;
        return new Prepared() {
            @Override
            public long execute() throws Exception {
                JobExecutionResult result = env.execute(name);
                return result.getNetRuntime(TimeUnit.MILLISECONDS);
            }

            @Override
            public long completedCheckpoints() {
                return state.checkpointing() ? CountingCheckpoints.COMPLETED.size() : -1;
            }
        };
    }

    /** Base of each job's first function: records the ids of completed checkpoints it is notified of. */
    abstract static class CountingCheckpoints implements CheckpointListener {
        static final Set<Long> COMPLETED = ConcurrentHashMap.newKeySet();

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.add(checkpointId);
        }
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
    static final class ToTimed extends CountingCheckpoints implements MapFunction<Long, Tuple2<Long, Long>> {
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
    static final class ToSessionTimed extends CountingCheckpoints implements MapFunction<Long, Tuple2<Long, Long>> {
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

    static final class Transform extends CountingCheckpoints implements MapFunction<Long, Long> {
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

    static final class ToKeyed extends CountingCheckpoints implements MapFunction<Long, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Long x) {
            return Tuple2.of(Workload.key(x), x);
        }
    }
}
