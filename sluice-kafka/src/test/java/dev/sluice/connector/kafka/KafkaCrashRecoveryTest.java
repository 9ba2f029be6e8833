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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once through Kafka under SIGKILL, for both faces: {@link KafkaCrashTestJob} (DataStream:
 * Kafka source -> running count per key -> exactly-once Kafka sink) and {@link StreamsCrashTestJob}
 * (the same count as a Streams DSL topology with {@code exactly_once_v2}) run in a child JVM, is killed with SIGKILL at a random
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

  /** The two faces of the job: the DataStream API (bounded, ends by itself) and the Streams DSL (runs until stopped). */
  enum Face {
    DATASTREAM(KafkaCrashTestJob.class, true),
    STREAMS_DSL(StreamsCrashTestJob.class, false);

    final Class<?> main;
    final boolean ends;

    Face(Class<?> main, boolean ends) {
      this.main = main;
      this.ends = ends;
    }
  }

  private Face face;
  private String output;

  private Process start(Path checkpoints, Path log) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // the DSL keeps its checkpoints in <state.dir>/<application.id>/checkpoints
    String where = face.ends ? checkpoints.toString() : checkpoints.getParent().getParent().toString();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", classPath, face.main.getName(),
        KAFKA.bootstrapServers(), "crash-in", output, where, Double.toString(RATE));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @ParameterizedTest
  @EnumSource(Face.class)
  void killedWithSigkillAndRestartedTheJobWritesEveryCountExactlyOnce(Face face) throws Exception {
    this.face = face;
    this.output = "crash-out-" + face.name().toLowerCase(java.util.Locale.ROOT);
    KAFKA.kafka().createTopic("crash-in", 3); // the same input for both faces (created once)
    KAFKA.kafka().createTopic(output, 2);
    if (KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "crash-in", "read_uncommitted").isEmpty()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        keys.add("k" + (i % KEYS));
      }
      KafkaTestUtil.produceRoundRobin(KAFKA.bootstrapServers(), "crash-in", 3, keys);
    }

    Path checkpoints = face.ends ? tmp.resolve("checkpoints") : tmp.resolve("state").resolve("crash-dsl").resolve("checkpoints");
    try (Committed committed = new Committed(output)) {
      runAndKill(checkpoints, committed);
    }
  }

  /** Counts the records of the output that a read_committed consumer sees (aborted ones are not). */
  private static final class Committed implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", KAFKA.bootstrapServers(), "isolation.level", "read_committed"),
        new StringDeserializer(), new StringDeserializer());
    private long count;

    Committed(String topic) {
      List<TopicPartition> tps = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
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
      int before = KafkaTestUtil.newestCheckpoint(checkpoints, true);
      long committedBefore = output.count();
      Process p = start(checkpoints, log);
      if (run < KILLS) {
        // kill only after a checkpoint completed in this run and more output was committed, so that
        // every run makes progress
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && (KafkaTestUtil.newestCheckpoint(checkpoints, true) <= before || output.count() <= committedBefore)
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        if (p.isAlive() && (KafkaTestUtil.newestCheckpoint(checkpoints, true) <= before || output.count() <= committedBefore)) {
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
              run, KafkaTestUtil.newestCheckpoint(checkpoints, true), committed);
          continue;
        }
      } else if (!face.ends) {
        // a Kafka Streams application does not end: wait until every count is committed, then stop it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(120, RECORDS / 2_000));
        while (p.isAlive() && output.count() < RECORDS && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        boolean alive = p.isAlive();
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(alive).as("the application still ran at the end; log:%n%s", Files.readString(log)).isTrue();
        break;
      } else if (!p.waitFor(Math.max(120, RECORDS / 2_000), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the job did not finish: " + Files.readString(log));
      }
      if (face.ends) {
        assertThat(p.exitValue()).as("exit code; log:%n%s", Files.readString(log)).isZero();
      }
      break;
    }
    assertThat(kills).as("runs killed").isGreaterThanOrEqualTo(Math.max(1, KILLS - 1));
    // the kills fell within the input: output was missing when the first run was killed
    assertThat(committedAtKills.get(0)).as("counts committed when the first run was killed").isLessThan((long) RECORDS);

    List<ConsumerRecord<String, String>> out = KafkaTestUtil.readAll(KAFKA.bootstrapServers(), this.output, "read_committed");
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
    System.out.printf("kafka crash test (%s): %,d records, %d kills, %,d committed counts exactly once, %.1f s%n",
        face, RECORDS, kills, out.size(), (System.nanoTime() - started) / 1e9);
  }
}
