package dev.sluice.bench.checkpoint;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.state.CheckpointListener;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.sluice.bench.throughput.ScratchDirectory;
import dev.sluice.connector.datagen.source.DataGeneratorSource;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import dev.sluice.util.Collector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The checkpoint benchmarks' job on Sluice (heap state). Checkpoint figures come from
 * {@link JobClient#checkpointStatistics()}. Same shape as {@link FlinkCheckpointEngine}.
 */
final class SluiceCheckpointEngine implements CheckpointEngine {

    @Override
    public RunningJob start(JobSpec spec) {
        if (!spec.stateBackend().equals("heap")) {
            throw new IllegalArgumentException("Sluice state backend '" + spec.stateBackend()
                    + "' is not available in this build; only heap");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setParallelism(1);
        env.enableCheckpointing(spec.checkpointIntervalMs());
        env.getCheckpointConfig().setCheckpointStorage(ScratchDirectory.create("sluice-checkpoints"));
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, Duration.ZERO));

        DataStream<Long> updated = env.fromSource(
                        new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(spec.rate()),
                                Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
                .keyBy(x -> x % spec.keys())
                .process(new Payloads(spec.payloadBytes())).uid("payloads");
        if (spec.failOnce()) {
            updated = updated.map(new FailOnce(spec.keys())).uid("fail-once");
        }
        updated.map(new ProbeMap()).uid("probe")
                .sinkTo(new DiscardingSink<>()).uid("sink");
        JobClient client = env.executeAsync("checkpoint-bench");

        return new RunningJob() {
            @Override
            public List<Checkpoint> completedCheckpoints() {
                return client.checkpointStatistics().stream()
                        .filter(c -> c.status() == CheckpointStats.Status.COMPLETED && !c.savepoint())
                        .map(c -> new Checkpoint(c.id(), c.triggerTimestamp(), c.durationMs(), c.stateSize(),
                                c.maxSyncMs(),
                                c.subtasks().stream().mapToLong(CheckpointStats.SubtaskStats::asyncMs).max().orElse(0),
                                c.maxAlignmentMs()))
                        .toList();
            }

            @Override
            public void cancel() throws Exception {
                client.cancel().get(60, TimeUnit.SECONDS);
            }
        };
    }

    /** Keeps a {@code byte[]} per key; each record changes one byte of it and is passed on. */
    static final class Payloads extends KeyedProcessFunction<Long, Long, Long> {
        private final int payloadBytes;
        private transient ValueState<byte[]> payload;

        Payloads(int payloadBytes) {
            this.payloadBytes = payloadBytes;
        }

        @Override
        public void open(OpenContext openContext) {
            payload = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", byte[].class));
        }

        @Override
        public void processElement(Long x, Context ctx, Collector<Long> out) throws Exception {
            byte[] value = payload.value();
            if (value == null) {
                value = new byte[payloadBytes];
                Probe.KEYS_CREATED.incrementAndGet();
            }
            value[(int) (x % payloadBytes)]++;
            payload.update(value);
            out.collect(x);
        }
    }

    /** Throws once, after the second checkpoint completed with every key's state in place. */
    static final class FailOnce implements MapFunction<Long, Long>, CheckpointListener {
        private final long keys;
        private int completeCheckpoints;

        FailOnce(long keys) {
            this.keys = keys;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (Probe.KEYS_CREATED.get() >= keys) {
                completeCheckpoints++;
            }
        }

        @Override
        public Long map(Long x) {
            if (completeCheckpoints >= 2 && !Probe.failed()) {
                Probe.failing();
                throw new IllegalStateException("injected failure (checkpoint benchmark)");
            }
            return x;
        }
    }

    /** Passes records on and tells the {@link Probe} about each. */
    static final class ProbeMap implements MapFunction<Long, Long> {
        @Override
        public Long map(Long x) {
            Probe.record();
            return x;
        }
    }
}
