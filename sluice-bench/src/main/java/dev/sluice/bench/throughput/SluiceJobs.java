package dev.sluice.bench.throughput;

// NOTE: this file needs the Sluice DataStream API, which is still being written in sluice-core.
// Until that API exists, the `without-sluice-api` profile in sluice-bench/pom.xml excludes this
// file from compilation; build with -Dsluice.api to compile it. The harness loads this class by
// reflection, so everything else builds and runs (with --engines flink) without it.
//
// Sluice API used here (Flink-identical names under dev.sluice):
//   dev.sluice.streaming.api.environment.StreamExecutionEnvironment
//       static StreamExecutionEnvironment createLocalEnvironment(int parallelism)
//       StreamExecutionEnvironment setParallelism(int)
//       DataStreamSource<Long> fromSequence(long from, long to)          (parallel, bounded, inclusive)
//       JobExecutionResult execute(String jobName) throws Exception     (blocks until the job finishes)
//   dev.sluice.streaming.api.datastream.DataStream<T> / SingleOutputStreamOperator<T>
//       <R> SingleOutputStreamOperator<R> map(MapFunction<T, R>)
//       SingleOutputStreamOperator<T> filter(FilterFunction<T>)
//       <K> KeyedStream<T, K> keyBy(KeySelector<T, K>)
//       DataStreamSink<T> sinkTo(Sink<T>)      (DataStreamSink: return value is ignored)
//   dev.sluice.streaming.api.datastream.KeyedStream<T, K>
//       SingleOutputStreamOperator<T> sum(int tuplePosition)
//   dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<T>   (public no-arg constructor)
//   dev.sluice.api.common.functions.MapFunction, FilterFunction     (already in sluice-core)
//   dev.sluice.api.java.functions.KeySelector                      (already in sluice-core)
//   dev.sluice.api.java.tuple.Tuple2<T0, T1>: public fields f0, f1; static Tuple2.of(a, b)
//   dev.sluice.api.common.JobExecutionResult (only as execute()'s return type; not inspected)

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
