package dev.sluice.bench.throughput;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark jobs on Apache Flink 2.3, run on the default local MiniCluster
 * ({@code createLocalEnvironment(p)}), default STREAMING runtime mode.
 *
 * <p>Keep this file and {@link SluiceJobs} the same shape, line for line.
 */
public final class FlinkJobs implements EngineJobs {

    @Override
    public Prepared prepare(JobKind job, int parallelism, long events, boolean objectReuse) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OBJECT_REUSE, objectReuse); // Flink's default is false
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setParallelism(parallelism);

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
                timed(env, events, new ToTimed())
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(Workload.WINDOW)))
                        .aggregate(new Count())
                        .sinkTo(new DiscardingSink<>());
                break;
            case SLIDING:
                timed(env, events, new ToTimed())
                        .window(SlidingEventTimeWindows.of(Duration.ofMillis(Workload.WINDOW),
                                Duration.ofMillis(Workload.SLIDE)))
                        .aggregate(new Count())
                        .sinkTo(new DiscardingSink<>());
                break;
            case SESSION:
                timed(env, events, new ToSessionTimed())
                        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(Workload.GAP)))
                        .aggregate(new Count())
                        .sinkTo(new DiscardingSink<>());
                break;
            default:
                throw new IllegalArgumentException("unknown job " + job);
        }
        String name = "flink-" + job.id() + "-p" + parallelism;
        return () -> {
            JobExecutionResult result = env.execute(name);
            return result.getNetRuntime(TimeUnit.MILLISECONDS);
        };
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

    static final class ToTimed implements MapFunction<Long, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Long x) {
            return Tuple2.of(Workload.key(x), Workload.eventTime(x));
        }
    }

    static final class ToSessionTimed implements MapFunction<Long, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Long x) {
            return Tuple2.of(Workload.sessionKey(x), Workload.eventTime(x));
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
