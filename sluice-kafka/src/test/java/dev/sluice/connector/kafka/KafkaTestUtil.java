package dev.sluice.connector.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing and reading test data on the local broker. */
public final class KafkaTestUtil {
  private KafkaTestUtil() {}

  public static KafkaProducer<String, String> producer(String servers) {
    return new KafkaProducer<>(Map.of("bootstrap.servers", servers, "linger.ms", 5), new StringSerializer(),
        new StringSerializer());
  }

  /** Sends {@code values[i]} to partition {@code i % partitions}. */
  public static void produceRoundRobin(String servers, String topic, int partitions, List<String> values) {
    try (KafkaProducer<String, String> p = producer(servers)) {
      for (int i = 0; i < values.size(); i++) {
        p.send(new ProducerRecord<>(topic, i % partitions, null, values.get(i)));
      }
      p.flush();
    }
  }

  /** Every record of {@code topic} (all partitions) up to its current end. */
  public static List<ConsumerRecord<String, String>> readAll(String servers, String topic, String isolation) {
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", servers,
        "isolation.level", isolation), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = c.partitionsFor(topic).stream()
          .map(pi -> new TopicPartition(topic, pi.partition())).toList();
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> ends = c.endOffsets(tps);
      List<ConsumerRecord<String, String>> out = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline) {
        boolean done = true;
        for (TopicPartition tp : tps) {
          if (c.position(tp) < ends.get(tp)) {
            done = false;
          }
        }
        if (done) {
          break;
        }
        c.poll(Duration.ofMillis(100)).forEach(out::add);
      }
      return out;
    }
  }

  public static List<String> values(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(ConsumerRecord::value).toList();
  }

  /** Waits until {@code condition} holds, up to {@code timeoutMs}. */
  public static void await(long timeoutMs, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + timeoutMs + " ms");
      }
      Thread.sleep(20);
    }
  }


  /**
   * Slows its subtask down: 1 ms every {@code recordsPerMs} records (20 by default). Chained to a
   * source it makes the reading slow, so that periodic checkpoints fall within the input however
   * fast the machine is.
   */
  public static final class Throttle implements dev.sluice.api.common.functions.MapFunction<String, String> {
    private final int recordsPerMs;
    private long seen;

    public Throttle() {
      this(20);
    }

    public Throttle(int recordsPerMs) {
      this.recordsPerMs = recordsPerMs;
    }

    @Override
    public String map(String value) throws Exception {
      if (++seen % recordsPerMs == 0) {
        Thread.sleep(1);
      }
      return value;
    }
  }

  /**
   * The newest checkpoint in {@code checkpoints} that started (its {@code chk-N} directory exists)
   * or, with {@code completed}, that completed (its {@code _metadata} exists too); 0 if none.
   */
  public static int newestCheckpoint(java.nio.file.Path checkpoints, boolean completed) throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(checkpoints)) {
      return 0;
    }
    try (var dirs = java.nio.file.Files.list(checkpoints)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> !completed || java.nio.file.Files.exists(d.resolve("_metadata")))
          .mapToInt(d -> Integer.parseInt(d.getFileName().toString().substring(4))).max().orElse(0);
    }
  }
}
