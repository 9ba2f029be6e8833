package dev.sluice.bench.jmh;

import dev.sluice.bench.throughput.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Ceiling for the engine benchmarks: the stateless job's per-record work (boxed, as the engines
 * see it) as a plain single-threaded loop with no engine at all. Records/s of
 * {@link SluicePipelineBenchmark} should be compared against this.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlainJavaBaselineBenchmark {

    static final int RECORDS = 1_000_000;

    /** ops = records. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void boxedMapFilter(Blackhole bh) {
        for (long i = 0; i < RECORDS; i++) {
            Long boxed = i;
            Long mapped = Workload.transform(boxed);
            if (Workload.keep(mapped)) {
                bh.consume(mapped);
            }
        }
    }
}
