package dev.sluice.bench.jmh;

// NOTE: this file needs the Sluice DataStream API, which is still being written in sluice-core.
// The `without-sluice-api` profile in sluice-bench/pom.xml excludes it from compilation until then;
// build with -Dsluice.api to include it. Sluice API used (Flink-identical names under dev.sluice):
//   StreamExecutionEnvironment.createLocalEnvironment(int), setParallelism(int), fromSequence(long, long),
//   execute(String); DataStream.map(MapFunction), .filter(FilterFunction), .keyBy(KeySelector),
//   .sinkTo(Sink); KeyedStream.sum(int); DiscardingSink (no-arg); Tuple2.of(a, b) with fields f0, f1.

import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.bench.throughput.Workload;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Sluice hot paths: one bounded job per invocation, ops = records (each invocation processes
 * {@link #RECORDS} source records, so the reported ops/s is records/s including job start-up).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SluicePipelineBenchmark {

    static final int RECORDS = 2_000_000;

    @Param({"1"})
    public int parallelism;

    /** fromSequence -> map -> filter -> discard; map and filter chain with the source. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void chainedMapFilter() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setParallelism(parallelism);
        env.fromSequence(0, RECORDS - 1)
                .map(new Transform())
                .filter(new Keep())
                .sinkTo(new DiscardingSink<>());
        env.execute("jmh-chained-map-filter");
    }

    /** fromSequence -> map to Tuple2 -> keyBy -> sum(1) -> discard; exercises the shuffle and keyed state. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void keyedSum() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setParallelism(parallelism);
        env.fromSequence(0, RECORDS - 1)
                .map(new ToKeyed())
                .keyBy(t -> t.f0)
                .sum(1)
                .sinkTo(new DiscardingSink<>());
        env.execute("jmh-keyed-sum");
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
