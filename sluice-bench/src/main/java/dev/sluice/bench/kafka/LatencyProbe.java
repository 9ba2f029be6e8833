package dev.sluice.bench.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end latency at a fixed input rate, measured in the harness JVM (not in the engine's): a producer writes
 * {@code rate} records/s to the input topic (record timestamp = the wall-clock time of the send), the job runs
 * unbounded in its child JVM, and a {@code read_committed} consumer of the output topic records, per output record,
 * receive time − the earliest time the result could exist:
 *
 * <ul>
 *   <li>word count: the output record's timestamp, which both engines carry over from the input record that caused
 *       the update (with deduplication: the latest update since the previous output of that word);
 *   <li>window count: window end + grace (2 s): a window cannot close before a record of that event time exists.
 * </ul>
 *
 * <p>Only results whose reference time falls in the measured period (after {@code warmupSeconds}) are recorded; after
 * the producer stops, the consumer waits one commit interval + 5 s for results still in flight.
 */
public final class LatencyProbe {
    private final String bootstrap;
    private final String input;
    private final String output;
    private final KafkaJob job;
    private final int rate;
    private final int warmupSeconds;
    private final int seconds;
    private final long commitIntervalMs;
    private final Histogram histogram = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
    private volatile long produced;
    private volatile long outputRecords;

    /** Percentiles in ms, samples, records produced and output records seen. */
    public record Result(long samples, long p50, long p99, long p999, long max, long produced, long outputRecords,
                         int rate, long commitIntervalMs) {
        public String summary() {
            return String.format(Locale.ROOT, "%,d samples: p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms", samples, p50,
                    p99, p999, max);
        }
    }

    public LatencyProbe(String bootstrap, String input, String output, KafkaJob job, int rate, int warmupSeconds,
                        int seconds, long commitIntervalMs) {
        this.bootstrap = bootstrap;
        this.input = input;
        this.output = output;
        this.job = job;
        this.rate = rate;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.commitIntervalMs = commitIntervalMs;
    }

    public void run() throws Exception {
        long start = System.currentTimeMillis();
        long measureFrom = start + warmupSeconds * 1000L;
        long measureTo = measureFrom + seconds * 1000L;
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failure = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                consume(measureFrom, measureTo, stop);
            } catch (Throwable t) {
                failure.add(t);
            }
        }, "latency-consumer");
        consumer.start();
        KafkaWorkload.Lines lines = new KafkaWorkload.Lines(KafkaBenchData.SEED);
        KafkaWorkload.Events events = new KafkaWorkload.Events(KafkaBenchData.SEED);
        long sent = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = KafkaBenchData.producer(bootstrap, 1)) {
            while (System.currentTimeMillis() < measureTo) {
                long due = (System.nanoTime() - t0) * rate / 1_000_000_000L;
                while (sent < due) {
                    long now = System.currentTimeMillis();
                    if (job == KafkaJob.WORDCOUNT) {
                        producer.send(new ProducerRecord<>(input, null, now, null, lines.next()));
                    } else {
                        KafkaWorkload.Event e = events.next();
                        producer.send(new ProducerRecord<>(input, null, now, e.user(), e.action()));
                    }
                    sent++;
                }
                produced = sent;
                Thread.sleep(1);
            }
        }
        Thread.sleep(commitIntervalMs + 5_000);
        stop.set(true);
        consumer.join(60_000);
        if (!failure.isEmpty()) {
            throw new IllegalStateException("latency consumer failed", failure.get(0));
        }
    }

    private void consume(long measureFrom, long measureTo, AtomicBoolean stop) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(output, Duration.ofSeconds(30)).forEach(pi -> parts.add(new TopicPartition(output, pi.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    outputRecords++;
                    long reference;
                    if (job == KafkaJob.WORDCOUNT) {
                        reference = r.timestamp();
                    } else {
                        reference = KafkaWorkload.windowStartOf(new String(r.key(), StandardCharsets.UTF_8))
                                + KafkaWorkload.WINDOW_MS + KafkaWorkload.GRACE_MS;
                    }
                    if (reference >= measureFrom && reference < measureTo) {
                        histogram.recordValue(Math.max(0, now - reference));
                    }
                }
            }
        }
    }

    public Result result() {
        return new Result(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                produced, outputRecords, rate, commitIntervalMs);
    }
}
