package dev.sluice.bench.kafka;

import dev.sluice.bench.throughput.ScratchDirectory;
import dev.sluice.connector.kafka.source.reader.KafkaSourceReader;
import dev.sluice.runtime.checkpoint.CheckpointStats;
import dev.sluice.streams.KafkaStreams;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.StreamsBuilder;
import dev.sluice.streams.StreamsConfig;
import dev.sluice.streams.Topology;
import dev.sluice.streams.kstream.Consumed;
import dev.sluice.streams.kstream.Grouped;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.Produced;
import dev.sluice.streams.kstream.Suppressed;
import dev.sluice.streams.kstream.TimeWindows;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Sluice's Kafka Streams-compatible DSL ({@code dev.sluice.streams}): {@link KafkaStreamsEngine}'s program with
 * its imports changed from {@code org.apache.kafka.streams} to {@code dev.sluice.streams} — {@link #topology} is
 * textually the same code, and {@link #config} sets the same keys ({@code num.stream.threads} = parallelism,
 * {@code processing.guarantee} {@code at_least_once} / {@code exactly_once_v2}, {@code commit.interval.ms}, a state
 * directory, earliest reset), leaving {@code statestore.cache.max.bytes} at its default like the {@code kstreams}
 * row. The DSL compiles the topology into one Sluice job: a {@code KafkaSource} per source topic, a {@code keyBy}
 * exchange inside the engine where Kafka Streams writes a repartition topic, keyed heap state written into
 * checkpoints instead of changelog topics, a {@code KafkaSink} per {@code to(..)}, and a checkpoint every
 * {@code commit.interval.ms} (under exactly-once aligned, with one Kafka transaction per checkpoint and sink
 * subtask).
 *
 * <p>Output deduplication: the DSL's record cache, on by default (10 MiB, which it turns into a budget of about
 * 80,000 keys), coalesces the updates of a key in each table operator and emits the newest every
 * {@code commit.interval.ms} and before every checkpoint barrier, as Kafka Streams' cache does between commits.
 * Word count: each word changed in an interval is written at most once per interval (per commit: 30 s at-least-once,
 * 100 ms exactly-once by the harness' defaults) — the vocabulary fits in the budget, so nothing is evicted early.
 * Window count: {@code suppress(untilWindowCloses)} emits each user's window once, when stream time passes its end
 * plus grace; the cache then holds that result until the next flush, so it too reaches Kafka at a commit.
 *
 * <p>A throughput run has no end of input (the DSL's {@code KafkaStreams} is unbounded, like Kafka Streams'): the
 * run is complete when the job's Kafka sources have consumed {@link JobSpec#expectedProcessed()} records — the sum
 * of the metric {@value KafkaSourceReader#RECORDS_IN} of the {@code KSTREAM-SOURCE-..} operators' subtasks in
 * {@link KafkaStreams#metricsOfJob()}. Unlike Kafka Streams, whose source nodes also process every record of the
 * word count's repartition topic, the DSL has no repartition topics, so the harness passes the input topic's record
 * count here ({@link KafkaEngines#expectedProcessed}). Then {@link KafkaStreams#close(Duration)} stops the job with
 * a final checkpoint: the caches are flushed before its barrier, the sinks flush (at-least-once) or commit their
 * transactions (exactly-once) for it, and it returns once the job has ended, which ends the run. Facts:
 * {@code processed} (records the sources consumed), {@code commits} (completed checkpoints, the final one
 * included) and {@code closeMs} (how long {@code close} took: the records still inside the job when the sources had
 * consumed everything, then the final checkpoint).
 */
public final class SluiceDslEngine implements KafkaEngine {

    /** {@link KafkaStreamsEngine#topology}, the same code, on the Sluice DSL's classes. */
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
        p.put(StreamsConfig.STATE_DIR_CONFIG, ScratchDirectory.create("sluice-dsl-state").toString());
        p.put("consumer.auto.offset.reset", "earliest");
        return p;
    }

    /** Records the job's Kafka sources have consumed: {@code KSTREAM-SOURCE-*[i].numRecordsIn}, summed. */
    static long consumed(Map<String, Long> metricsOfJob) {
        long sum = 0;
        for (Map.Entry<String, Long> e : metricsOfJob.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("KSTREAM-SOURCE-") && k.endsWith("]." + KafkaSourceReader.RECORDS_IN)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    @Override
    public Map<String, String> runBounded(JobSpec spec) throws Exception {
        Topology topology = topology(spec);
        KafkaStreams streams = new KafkaStreams(topology, config(spec));
        Map<String, String> facts = new LinkedHashMap<>();
        streams.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (true) {
                KafkaStreams.State state = streams.state();
                if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                    throw new IllegalStateException("the Sluice DSL client stopped: " + state);
                }
                long processed = consumed(streams.metricsOfJob());
                if (processed >= spec.expectedProcessed()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Sluice DSL job consumed " + processed + " of "
                            + spec.expectedProcessed() + " records in 30 minutes");
                }
                if (System.nanoTime() > nextReport) {
                    System.err.printf("sluice-dsl: %,d of %,d records consumed, state %s%n", processed,
                            spec.expectedProcessed(), state);
                    nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(5);
            }
        } catch (Exception e) {
            streams.close(Duration.ofSeconds(30));
            throw e;
        }
        long closeStart = System.nanoTime();
        if (!streams.close(Duration.ofMinutes(5))) {
            throw new IllegalStateException("the Sluice DSL client did not stop with a final checkpoint within 5 minutes");
        }
        long closeMs = (System.nanoTime() - closeStart) / 1_000_000;
        long commits = streams.checkpointStatisticsOfJob().stream()
                .filter(c -> c.status() == CheckpointStats.Status.COMPLETED).count();
        facts.put("processed", Long.toString(consumed(streams.metricsOfJob())));
        facts.put("commits", Long.toString(commits));
        facts.put("closeMs", Long.toString(closeMs));
        return facts;
    }

    @Override
    public AutoCloseable startUnbounded(JobSpec spec) throws Exception {
        KafkaStreams streams = new KafkaStreams(topology(spec), config(spec));
        streams.start();
        return () -> streams.close(Duration.ofSeconds(30));
    }
}
