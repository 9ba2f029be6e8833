package dev.sluice.bench.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, preloading, the expected results and reading an output topic back, for the Kafka harness. */
public final class KafkaBenchData {
    public static final int INPUT_PARTITIONS = 3;
    /** End markers of the window input, over all partitions. */
    static final int END_MARKERS = INPUT_PARTITIONS * KafkaWorkload.END_MARKERS_PER_PARTITION;
    public static final long SEED = 42;

    private KafkaBenchData() {}

    /** What was preloaded, and what every engine must output for it. */
    public record Input(String topic, long records, long processedByKafkaStreams, Map<String, Long> expected) {}

    public static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return Admin.create(p);
    }

    /**
     * A topic that keeps its records: {@code retention.ms = -1}, because the window job's event times lie in the past
     * (2026-01-01), and time-based retention (7 days by default, checked every 5 minutes) would otherwise delete the
     * preloaded input in the middle of a run.
     */
    public static void createTopic(Admin admin, String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"))))
                .all().get(60, TimeUnit.SECONDS);
    }

    /** Deletes the topics whose names start with any of the prefixes (a run's output and Kafka Streams' internal topics). */
    public static void deleteTopics(Admin admin, String... prefixes) throws Exception {
        List<String> doomed = new ArrayList<>();
        for (String t : admin.listTopics().names().get(60, TimeUnit.SECONDS)) {
            for (String p : prefixes) {
                if (t.startsWith(p)) {
                    doomed.add(t);
                }
            }
        }
        if (!doomed.isEmpty()) {
            admin.deleteTopics(doomed).all().get(60, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap, int lingerMs) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", Integer.toString(lingerMs));
        p.put("batch.size", Integer.toString(256 * 1024));
        p.put("acks", "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Writes {@code n} records of {@code job}'s input to a new topic, once, and computes the expected output. */
    public static Input preload(Admin admin, String bootstrap, String topic, KafkaJob job, long n) throws Exception {
        createTopic(admin, topic, INPUT_PARTITIONS);
        Map<String, Long> expected = new HashMap<>();
        long processed;
        try (KafkaProducer<String, String> producer = producer(bootstrap, 20)) {
            if (job == KafkaJob.WORDCOUNT) {
                KafkaWorkload.Lines lines = new KafkaWorkload.Lines(SEED);
                long words = 0;
                for (long i = 0; i < n; i++) {
                    String line = lines.next();
                    for (String w : KafkaWorkload.words(line)) {
                        expected.merge(w, 1L, Long::sum);
                        words++;
                    }
                    producer.send(new ProducerRecord<>(topic, null, line));
                }
                processed = n + words; // input lines + words through the repartition topic
            } else {
                KafkaWorkload.Events events = new KafkaWorkload.Events(SEED);
                for (long i = 0; i < n; i++) {
                    KafkaWorkload.Event e = events.next();
                    long start = e.timestamp() - Math.floorMod(e.timestamp(), KafkaWorkload.WINDOW_MS);
                    expected.merge(KafkaWorkload.windowKey(e.user(), start), 1L, Long::sum);
                    producer.send(new ProducerRecord<>(topic, null, e.timestamp(), e.user(), e.action()));
                }
                producer.flush();
                long end = KafkaWorkload.Events.endMarkerTimestamp(n);
                for (int p = 0; p < INPUT_PARTITIONS; p++) {
                    for (int m = 0; m < KafkaWorkload.END_MARKERS_PER_PARTITION; m++) {
                        producer.send(new ProducerRecord<>(topic, p, end, KafkaWorkload.END_MARKER_PREFIX + p + "-" + m, "end"));
                    }
                }
                processed = n + END_MARKERS;
            }
            producer.flush();
        }
        return new Input(topic, job == KafkaJob.WINDOWED ? n + END_MARKERS : n, processed, expected);
    }

    /** An output topic read back with {@code read_committed}: records read and the last value per key (end markers left out). */
    public record Output(long records, long markerRecords, Map<String, Long> latest) {
        /** Null when the output equals {@code expected}, else a short description of the first differences. */
        public String diff(Map<String, Long> expected) {
            List<String> d = new ArrayList<>();
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                Long got = latest.get(e.getKey());
                if (!e.getValue().equals(got)) {
                    d.add(e.getKey() + ": expected " + e.getValue() + ", got " + got);
                }
            }
            for (String k : latest.keySet()) {
                if (!expected.containsKey(k)) {
                    d.add(k + ": not expected, got " + latest.get(k));
                }
            }
            if (d.isEmpty()) {
                return null;
            }
            return d.size() + " key(s) differ, e.g. " + String.join("; ", d.subList(0, Math.min(3, d.size())));
        }
    }

    /** Reads {@code topic} from the beginning up to its end offsets with {@code read_committed}. */
    public static Output readOutput(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", "5000");
        long records = 0;
        long markers = 0;
        Map<String, Long> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!reached(c, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    String key = new String(r.key(), StandardCharsets.UTF_8);
                    if (KafkaWorkload.isEndMarker(key)) {
                        markers++;
                        continue;
                    }
                    records++;
                    long v = ByteBuffer.wrap(r.value()).getLong();
                    // counts only grow; max() also keeps an at-least-once replay from lowering one
                    latest.merge(key, v, Math::max);
                }
            }
        }
        return new Output(records, markers, latest);
    }

    private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
