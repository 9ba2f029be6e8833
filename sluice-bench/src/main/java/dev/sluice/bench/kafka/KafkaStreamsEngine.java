package dev.sluice.bench.kafka;

import dev.sluice.bench.throughput.ScratchDirectory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * Apache Kafka Streams 4.3.1, the reference: the classic word count ({@code flatMapValues → groupBy → count →
 * toStream → to}) and a windowed count ({@code groupByKey → windowedBy(10 s, grace 2 s) → count →
 * suppress(untilWindowCloses) → toStream → to}), default RocksDB stores with changelog topics,
 * {@code num.stream.threads} = parallelism, {@code processing.guarantee} = {@code at_least_once} or
 * {@code exactly_once_v2}, {@code commit.interval.ms} = {@link JobSpec#commitIntervalMs()} (the harness passes
 * Kafka Streams' defaults, 30 s and 100 ms, unless told otherwise).
 *
 * <p>{@code cache = true} ({@code kstreams}): {@code statestore.cache.max.bytes} at its default (10 MiB), so
 * count updates are deduplicated per key between commits. {@code cache = false} ({@code kstreams-nocache}): 0,
 * every update is forwarded.
 *
 * <p>A throughput run has no end of input on Kafka Streams: the run is complete when the stream threads'
 * {@code process-total} metrics (records processed by source nodes, input and repartition topics) reach
 * {@link JobSpec#expectedProcessed()}; then {@link KafkaStreams#close} commits (flushing caches and producers,
 * and committing the transaction under exactly-once), and the run ends when it returns.
 */
public final class KafkaStreamsEngine implements KafkaEngine {
    private final boolean cache;

    public KafkaStreamsEngine() {
        this(true);
    }

    public KafkaStreamsEngine(boolean cache) {
        this.cache = cache;
    }

    /** The {@code kstreams-nocache} variant. */
    public static final class NoCache implements KafkaEngine {
        private final KafkaStreamsEngine engine = new KafkaStreamsEngine(false);

        @Override
        public Map<String, String> runBounded(JobSpec spec) throws Exception {
            return engine.runBounded(spec);
        }

        @Override
        public AutoCloseable startUnbounded(JobSpec spec) throws Exception {
            return engine.startUnbounded(spec);
        }
    }

    /** The topology; {@link SluiceDslEngine#topology} is the same code with the Sluice DSL's imports. */
    static Topology topology(JobSpec spec) {
        StreamsBuilder builder = new StreamsBuilder();
        if (spec.job() == KafkaJob.WORDCOUNT) {
            KStream<String, String> lines = builder.stream(spec.inputTopic(), Consumed.with(Serdes.String(), Serdes.String()));
            lines.flatMapValues(KafkaWorkload::words)
                    .groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                    .count()
                    .toStream()
                    .to(spec.outputTopic(), Produced.with(Serdes.String(), Serdes.Long()));
        } else {
            KStream<String, String> events = builder.stream(spec.inputTopic(), Consumed.with(Serdes.String(), Serdes.String()));
            events.groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                    .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(KafkaWorkload.WINDOW_MS),
                            Duration.ofMillis(KafkaWorkload.GRACE_MS)))
                    .count()
                    .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                    .toStream()
                    .map((windowed, count) -> KeyValue.pair(
                            KafkaWorkload.windowKey(windowed.key(), windowed.window().start()), count))
                    .to(spec.outputTopic(), Produced.with(Serdes.String(), Serdes.Long()));
        }
        return builder.build();
    }

    Properties config(JobSpec spec) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, spec.runId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, spec.parallelism());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                spec.guarantee() == Guarantee.EOS ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, spec.commitIntervalMs());
        if (!cache) {
            p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        }
        p.put(StreamsConfig.STATE_DIR_CONFIG, ScratchDirectory.create("kstreams-state").toString());
        p.put("consumer.auto.offset.reset", "earliest");
        return p;
    }

    @Override
    public Map<String, String> runBounded(JobSpec spec) throws Exception {
        Topology topology = topology(spec);
        KafkaStreams streams = new KafkaStreams(topology, config(spec));
        Map<String, String> facts = new LinkedHashMap<>();
        streams.start();
        long processed = 0;
        long commits = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("Kafka Streams stopped: " + streams.state());
            }
            processed = 0;
            commits = 0;
            for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
                MetricName n = e.getKey();
                if (n.group().equals("stream-thread-metrics")) {
                    if (n.name().equals("process-total")) {
                        processed += ((Number) e.getValue().metricValue()).longValue();
                    } else if (n.name().equals("commit-total")) {
                        commits += ((Number) e.getValue().metricValue()).longValue();
                    }
                }
            }
            if (processed >= spec.expectedProcessed()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams processed " + processed + " of "
                        + spec.expectedProcessed() + " records in 30 minutes");
            }
            if (System.nanoTime() > nextReport) {
                System.err.printf("kstreams: %,d of %,d records processed, state %s%n", processed, spec.expectedProcessed(),
                        streams.state());
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(5);
        }
        if (!streams.close(Duration.ofMinutes(5))) {
            throw new IllegalStateException("Kafka Streams did not close within 5 minutes");
        }
        facts.put("processed", Long.toString(processed));
        facts.put("commits", Long.toString(commits));
        return facts;
    }

    @Override
    public AutoCloseable startUnbounded(JobSpec spec) throws Exception {
        KafkaStreams streams = new KafkaStreams(topology(spec), config(spec));
        streams.start();
        return () -> streams.close(Duration.ofSeconds(30));
    }
}
