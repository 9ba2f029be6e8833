package dev.sluice.bench.kafka;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.FlatMapFunction;
import dev.sluice.api.common.serialization.SimpleStringSchema;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.api.java.tuple.Tuple3;
import dev.sluice.bench.throughput.ScratchDirectory;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.sluice.connector.kafka.sink.KafkaSink;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.KafkaSourceBuilder;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.Collector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sluice's DataStream API: {@code KafkaSource → flatMap → keyBy → sum → KafkaSink} and {@code KafkaSource →
 * keyBy → 10 s tumbling event-time window → aggregate → KafkaSink}. Checkpoints every
 * {@link JobSpec#commitIntervalMs()} (heap state, local directory); the sink is {@code AT_LEAST_ONCE} (flushed at
 * every checkpoint) or {@code EXACTLY_ONCE} (one transaction per subtask and checkpoint).
 *
 * <p>{@code dedup = false} ({@code sluice}): the running count emits every update, one output record per word
 * of input. {@code dedup = true} ({@code sluice-dedup}): a keyed process function keeps the count and emits each
 * changed word at most once per commit interval (a processing-time timer at the next multiple of the interval),
 * as Kafka Streams' record cache does between commits; at the end of a bounded input an event-time timer at
 * {@code Long.MAX_VALUE} (fired by the final watermark) flushes what is still pending. The window job is the same
 * in both.
 */
public final class SluiceKafkaEngine implements KafkaEngine {
    private final boolean dedup;

    public SluiceKafkaEngine() {
        this(false);
    }

    public SluiceKafkaEngine(boolean dedup) {
        this.dedup = dedup;
    }

    /** The {@code sluice-dedup} variant. */
    public static final class Dedup implements KafkaEngine {
        private final SluiceKafkaEngine engine = new SluiceKafkaEngine(true);

        @Override
        public Map<String, String> runBounded(JobSpec spec) throws Exception {
            return engine.runBounded(spec);
        }

        @Override
        public AutoCloseable startUnbounded(JobSpec spec) throws Exception {
            return engine.startUnbounded(spec);
        }
    }

    @Override
    public Map<String, String> runBounded(JobSpec spec) throws Exception {
        StreamExecutionEnvironment env = build(spec);
        env.execute("kafka-bench " + spec.runId());
        return new LinkedHashMap<>();
    }

    @Override
    public AutoCloseable startUnbounded(JobSpec spec) throws Exception {
        StreamExecutionEnvironment env = build(spec);
        JobClient client = env.executeAsync("kafka-bench " + spec.runId());
        return () -> client.cancel().get();
    }

    StreamExecutionEnvironment build(JobSpec spec) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(spec.parallelism());
        env.setParallelism(spec.parallelism());
        env.enableCheckpointing(spec.commitIntervalMs());
        env.getCheckpointConfig().setCheckpointStorage(ScratchDirectory.create("sluice-kafka-bench-cp"));
        if (spec.job() == KafkaJob.WORDCOUNT) {
            DataStream<String> lines = env.fromSource(
                    source(spec, KafkaRecordDeserializationSchema.valueOnly(new SimpleStringSchema())),
                    WatermarkStrategy.noWatermarks(), "lines");
            DataStream<Tuple2<String, Long>> ones = lines
                    .flatMap(new SplitWords()).returns(Types.TUPLE(Types.STRING, Types.LONG));
            if (dedup) {
                ones.keyBy(t -> t.f0)
                        .process(new CountAndFlushPerInterval(spec.commitIntervalMs()))
                        .returns(Types.TUPLE(Types.STRING, Types.LONG, Types.LONG))
                        .sinkTo(sink(spec, (Tuple3<String, Long, Long> t, Long ts) -> new ProducerRecord<>(
                                spec.outputTopic(), null, t.f2, t.f0.getBytes(StandardCharsets.UTF_8),
                                KafkaWorkload.longBytes(t.f1))));
            } else {
                ones.keyBy(t -> t.f0)
                        .sum(1)
                        .sinkTo(sink(spec, (Tuple2<String, Long> t, Long ts) -> new ProducerRecord<>(
                                spec.outputTopic(), null, ts, t.f0.getBytes(StandardCharsets.UTF_8),
                                KafkaWorkload.longBytes(t.f1))));
            }
        } else {
            DataStream<String> users = env.fromSource(source(spec, new UserKey()),
                    WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(KafkaWorkload.GRACE_MS)),
                    "events");
            users.keyBy(u -> u)
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(KafkaWorkload.WINDOW_MS)))
                    .aggregate(new Count(), new WindowResult())
                    .sinkTo(sink(spec, (Tuple2<String, Long> t, Long ts) -> new ProducerRecord<>(
                            spec.outputTopic(), null, ts, t.f0.getBytes(StandardCharsets.UTF_8),
                            KafkaWorkload.longBytes(t.f1))));
        }
        return env;
    }

    private static <T> KafkaSource<T> source(JobSpec spec, KafkaRecordDeserializationSchema<T> deserializer) {
        KafkaSourceBuilder<T> b = KafkaSource.<T>builder()
                .setBootstrapServers(spec.bootstrapServers())
                .setTopics(spec.inputTopic())
                .setGroupId(spec.runId())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(deserializer);
        if (spec.bounded()) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    private static <T> KafkaSink<T> sink(JobSpec spec, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(spec.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(spec.guarantee() == Guarantee.EOS
                        ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                .setTransactionalIdPrefix(spec.runId())
                .build();
    }

    /** Lines to (word, 1). */
    static final class SplitWords implements FlatMapFunction<String, Tuple2<String, Long>> {
        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            for (String w : KafkaWorkload.words(line)) {
                out.collect(Tuple2.of(w, 1L));
            }
        }
    }

    /** The record's key (the user id) as a string. */
    static final class UserKey implements KafkaRecordDeserializationSchema<String> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
            out.collect(new String(record.key(), StandardCharsets.UTF_8));
        }

        @Override
        public dev.sluice.api.common.typeinfo.TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    /** Count per key; emits (word, count, timestamp of the latest update) at most once per interval. */
    static final class CountAndFlushPerInterval
            extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple3<String, Long, Long>> {
        private final long intervalMs;
        /** {count, timestamp of the latest update, 1 when a flush timer is pending}. */
        private transient ValueState<long[]> state;

        CountAndFlushPerInterval(long intervalMs) {
            this.intervalMs = intervalMs;
        }

        @Override
        public void open(OpenContext openContext) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("count", long[].class));
        }

        @Override
        public void processElement(Tuple2<String, Long> value, Context ctx, Collector<Tuple3<String, Long, Long>> out)
                throws Exception {
            long[] s = state.value();
            if (s == null) {
                s = new long[3];
                // fires only at the end of a bounded input (the final watermark): the last flush, since
                // processing-time timers still pending then are dropped when the job finishes
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            s[0] += value.f1;
            Long ts = ctx.timestamp();
            s[1] = ts == null ? 0 : ts;
            if (s[2] == 0) {
                long now = ctx.timerService().currentProcessingTime();
                ctx.timerService().registerProcessingTimeTimer((now / intervalMs + 1) * intervalMs);
                s[2] = 1;
            }
            state.update(s);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple3<String, Long, Long>> out)
                throws Exception {
            long[] s = state.value();
            if (s == null || s[2] == 0) {
                return; // nothing changed since the last output
            }
            out.collect(Tuple3.of(ctx.getCurrentKey(), s[0], s[1]));
            s[2] = 0;
            state.update(s);
        }
    }

    static final class Count implements AggregateFunction<String, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(String value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class WindowResult extends ProcessWindowFunction<Long, Tuple2<String, Long>, String, TimeWindow> {
        @Override
        public void process(String user, Context context, Iterable<Long> counts, Collector<Tuple2<String, Long>> out) {
            out.collect(Tuple2.of(KafkaWorkload.windowKey(user, context.window().getStart()), counts.iterator().next()));
        }
    }
}
