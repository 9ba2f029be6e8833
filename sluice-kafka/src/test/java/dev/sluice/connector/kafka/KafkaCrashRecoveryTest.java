package dev.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kafka.testing.LocalKafkaExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once through Kafka under SIGKILL: {@link KafkaCrashTestJob} (Kafka source -> running
 * count per key -> exactly-once Kafka sink) runs in a child JVM, is killed with SIGKILL at a random
 * moment after a checkpoint completed in its run, and is started again on the same checkpoint
 * directory, several times; the broker stays up in this JVM. At the end a read_committed consumer
 * must see exactly what an uninterrupted run writes: for each key the counts 1..n, each once, in
 * order.
 *
 * <p>The default suite runs a short version (50,000 records at 5,000 a second, 3 kills); the
 * {@code kafka-crash-soak} Maven profile a long one: {@code ./mvnw -pl sluice-kafka -am verify
 * -Pkafka-crash-soak}, configurable with {@code -Dsluice.kafka.crash.records}, {@code
 * -Dsluice.kafka.crash.rate} (records per second, 0 = unlimited), {@code -Dsluice.kafka.crash.kills}
 * and {@code -Dsluice.kafka.crash.spreadMs}.
 */
class KafkaCrashRecoveryTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path tmp;

  static final int RECORDS = Integer.getInteger("sluice.kafka.crash.records", 50_000);
  static final double RATE = Double.parseDouble(System.getProperty("sluice.kafka.crash.rate", "5000"));
  static final int KILLS = Integer.getInteger("sluice.kafka.crash.kills", 3);
  /** A run is killed up to this many milliseconds after the first checkpoint it completed. */
  static final int SPREAD_MS = Integer.getInteger("sluice.kafka.crash.spreadMs", 800);
  static final int KEYS = 17;

  private Process start(Path checkpoints, Path log) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", classPath, KafkaCrashTestJob.class.getName(),
        KAFKA.bootstrapServers(), "crash-in", "crash-out", checkpoints.toString(), Double.toString(RATE));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The number of the newest completed checkpoint in {@code dir} (its {@code _metadata} exists), 0 if none. */
  private static int newestCompleted(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> Files.exists(d.resolve("_metadata")))
          .mapToInt(d -> Integer.parseInt(d.getFileName().toString().substring(4))).max().orElse(0);
    }
  }

  @Test
  void killedWithSigkillAndRestartedTheJobWritesEveryCountExactlyOnce() throws Exception {
    KAFKA.kafka().createTopic("crash-in", 3);
    KAFKA.kafka().createTopic("crash-out", 2);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      keys.add("k" + (i % KEYS));
    }
    KafkaTestUtil.produceRoundRobin(KAFKA.bootstrapServers(), "crash-in", 3, keys);

    Path checkpoints = tmp.resolve("checkpoints");
    try (Committed output = new Committed()) {
      runAndKill(checkpoints, output);
    }
  }

  /** Counts the records of the output that a read_committed consumer sees (aborted ones are not). */
  private static final class Committed implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", KAFKA.bootstrapServers(), "isolation.level", "read_committed"),
        new StringDeserializer(), new StringDeserializer());
    private long count;

    Committed() {
      List<TopicPartition> tps = List.of(new TopicPartition("crash-out", 0), new TopicPartition("crash-out", 1));
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
    }

    long count() {
      count += consumer.poll(Duration.ofMillis(20)).count();
      return count;
    }

    /** Every committed record up to now (the last stable offsets), counted. */
    long drain() {
      Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        assertThat(System.nanoTime()).as("read up to the last stable offsets within 30 s").isLessThan(deadline);
        count();
      }
      return count;
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  private void runAndKill(Path checkpoints, Committed output) throws Exception {
    Random random = new Random();
    int kills = 0;
    List<Long> committedAtKills = new ArrayList<>();
    long started = System.nanoTime();
    for (int run = 0; run <= KILLS + 8; run++) {
      Path log = tmp.resolve("run-" + run + ".log");
      int before = newestCompleted(checkpoints);
      long committedBefore = output.count();
      Process p = start(checkpoints, log);
      if (run < KILLS) {
        // kill only after a checkpoint completed in this run and more output was committed, so that
        // every run makes progress
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && (newestCompleted(checkpoints) <= before || output.count() <= committedBefore)
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        if (p.isAlive() && (newestCompleted(checkpoints) <= before || output.count() <= committedBefore)) {
          p.destroyForcibly();
          throw new AssertionError("run " + run + " committed no output within 60 s: " + Files.readString(log));
        }
        if (!p.waitFor(random.nextInt(SPREAD_MS), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly(); // SIGKILL on Linux
          assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
          kills++;
          long committed = output.drain();
          committedAtKills.add(committed);
          System.out.printf("kafka crash test: run %d killed after checkpoint %d; %,d counts committed%n",
              run, newestCompleted(checkpoints), committed);
          continue;
        }
      } else if (!p.waitFor(Math.max(120, RECORDS / 2_000), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the job did not finish: " + Files.readString(log));
      }
      assertThat(p.exitValue()).as("exit code; log:%n%s", Files.readString(log)).isZero();
      break;
    }
    assertThat(kills).as("runs killed").isGreaterThanOrEqualTo(Math.max(1, KILLS - 1));
    // the kills fell within the input: output was missing when the first run was killed
    assertThat(committedAtKills.get(0)).as("counts committed when the first run was killed").isLessThan((long) RECORDS);

    List<ConsumerRecord<String, String>> out = KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "crash-out", "read_committed");
    Map<String, List<Long>> counts = new TreeMap<>();
    for (ConsumerRecord<String, String> r : out) {
      String[] keyAndCount = r.value().split(",");
      assertThat(r.key()).isEqualTo(keyAndCount[0]);
      counts.computeIfAbsent(keyAndCount[0], k -> new ArrayList<>()).add(Long.parseLong(keyAndCount[1]));
    }
    Map<String, List<Long>> expected = new TreeMap<>();
    for (int i = 0; i < RECORDS; i++) {
      String key = "k" + (i % KEYS);
      List<Long> seq = expected.computeIfAbsent(key, k -> new ArrayList<>());
      seq.add((long) seq.size() + 1);
    }
    assertThat(counts.keySet()).isEqualTo(expected.keySet());
    for (String key : expected.keySet()) {
      assertThat(counts.get(key)).as("counts of %s (exactly 1..n, in order)", key).isEqualTo(expected.get(key));
    }
    assertThat(out).hasSize(RECORDS);
    System.out.printf("kafka crash test: %,d records, %d kills, %,d committed counts exactly once, %.1f s%n",
        RECORDS, kills, out.size(), (System.nanoTime() - started) / 1e9);
  }
}
