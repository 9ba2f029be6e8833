package dev.sluice.bench.throughput;

// The same two jobs as FlinkJobs, written against Sluice's Flink-identical API: only the
// imports differ. The harness loads this class by reflection.

import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
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
            default:
                throw new IllegalArgumentException("unknown job " + job);
        }
        String name = "sluice-" + job.id() + "-p" + parallelism;
        return () -> {
            env.execute(name);
            return -1L;
        };
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
