package dev.sluice.bench.throughput;

// The same two jobs as FlinkJobs, written against Sluice's Flink-identical API: only the
// imports differ. The harness loads this class by reflection.

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.datastream.KeyedStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The benchmark jobs on Sluice. Same shape as {@link FlinkJobs}, line for line.
 */
public final class SluiceJobs implements EngineJobs {

    @Override
    public Prepared prepare(JobKind job, int parallelism, long events, boolean objectReuse) {
        if (objectReuse) {
            throw new IllegalArgumentException("object reuse is a Flink-only variant in this harness");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
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
        String name = "sluice-" + job.id() + "-p" + parallelism;
        return () -> {
            env.execute(name);
            return -1L;
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
