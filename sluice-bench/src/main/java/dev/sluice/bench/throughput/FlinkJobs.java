package dev.sluice.bench.throughput;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

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
            default:
                throw new IllegalArgumentException("unknown job " + job);
        }
        String name = "flink-" + job.id() + "-p" + parallelism;
        return () -> {
            JobExecutionResult result = env.execute(name);
            return result.getNetRuntime(TimeUnit.MILLISECONDS);
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
