package dev.sluice.bench.jmh;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.bench.nexmark.generator.GeneratorConfig;
import dev.sluice.bench.nexmark.generator.NexmarkGenerator;
import dev.sluice.bench.nexmark.source.NexmarkSource;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The cost of a Nexmark event: ns per event from the plain iterator on one thread ({@code
 * iterator}, an unbounded stream that moves on with every invocation), and from the Sluice source
 * feeding a discarding sink at parallelism 1, job start-up included ({@code sluiceSource}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NexmarkGeneratorBenchmark {

    static final int EVENTS_PER_INVOCATION = 100_000;
    static final int SOURCE_EVENTS = 2_000_000;

    private NexmarkGenerator generator;

    @Setup
    public void setUp() {
        generator = new NexmarkGenerator(GeneratorConfig.defaults());
    }

    /** ops = events. */
    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public void iterator(Blackhole bh) {
        NexmarkGenerator events = generator;
        for (int i = 0; i < EVENTS_PER_INVOCATION; i++) {
            bh.consume(events.next());
        }
    }

    /** ops = events. */
    @Benchmark
    @OperationsPerInvocation(SOURCE_EVENTS)
    public void sluiceSource() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(new NexmarkSource(GeneratorConfig.builder().numEvents(SOURCE_EVENTS).build()),
                        WatermarkStrategy.forMonotonousTimestamps(), "nexmark")
                .sinkTo(new DiscardingSink<>());
        env.execute("jmh-nexmark-source");
    }
}
