package dev.sluice.connector.kafka.source;

import static dev.sluice.connector.kafka.KafkaTestUtil.produceRoundRobin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.serialization.DeserializationSchema;
import dev.sluice.api.common.serialization.SimpleStringSchema;
import dev.sluice.connector.kafka.KafkaTestUtil;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.kafka.testing.LocalKafkaExtension;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaSourceTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path tmp;

  private static KafkaSourceBuilder<String> strings(String topic) {
    return KafkaSource.<String>builder()
        .setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics(topic)
        .setGroupId("test-" + topic)
        .setValueOnlyDeserializer(new SimpleStringSchema());
  }

  /** "k,n": n records of key k (the value's first letter) per 1 s tumbling event-time window. */
  private static dev.sluice.streaming.api.datastream.DataStream<String> countsPerKeyAndSecond(
      dev.sluice.streaming.api.datastream.DataStream<String> values) {
    return values
        .map(v -> v + ",1")
        .keyBy(v -> v.substring(0, 1))
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .reduce((x, y) -> x.substring(0, 2) + (Long.parseLong(x.substring(2)) + Long.parseLong(y.substring(2))));
  }

  private static List<String> numbers(int n) {
    return IntStream.range(0, n).mapToObj(String::valueOf).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void readsThreePartitionsUpToTheLatestOffsets(int parallelism) throws Exception {
    String topic = "bounded-p" + parallelism;
    KAFKA.kafka().createTopic(topic, 3);
    produceRoundRobin(KAFKA.bootstrapServers(), topic, 3, numbers(3_000));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    KafkaSource<String> source = strings(topic).setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest()).build();
    List<String> got = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
        .executeAndCollect(10_000);
    assertThat(got).containsExactlyInAnyOrderElementsOf(numbers(3_000));
  }

  @Test
  void startsFromTimestampAndSpecificOffsets() throws Exception {
    String topic = "starting";
    KAFKA.kafka().createTopic(topic, 1);
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      for (int i = 0; i < 10; i++) {
        p.send(new ProducerRecord<>(topic, 0, 1_000L * i, null, "v" + i));
      }
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> fromTs = env.fromSource(strings(topic).setStartingOffsets(OffsetsInitializer.timestamp(7_000))
        .setBounded(OffsetsInitializer.latest()).build(), WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(100);
    assertThat(fromTs).containsExactly("v7", "v8", "v9");

    env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> fromOffset = env.fromSource(strings(topic)
        .setStartingOffsets(OffsetsInitializer.offsets(Map.of(new org.apache.kafka.common.TopicPartition(topic, 0), 8L)))
        .setBounded(OffsetsInitializer.latest()).build(), WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(100);
    assertThat(fromOffset).containsExactly("v8", "v9");
  }

  /** Partition 2 gets no records; with idleness the windows of partitions 0 and 1 still fire. */
  @Test
  void perPartitionWatermarksAndAnIdlePartition() throws Exception {
    String topic = "watermarks";
    KAFKA.kafka().createTopic(topic, 3);
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      // partition 0 is ahead of partition 1: per-partition watermarks hold back at partition 1's time
      for (int t = 0; t < 4_000; t += 100) {
        p.send(new ProducerRecord<>(topic, 0, (long) t, null, "a"));
      }
      for (int t = 0; t < 2_500; t += 100) {
        p.send(new ProducerRecord<>(topic, 1, (long) t, null, "b"));
      }
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    WatermarkStrategy<String> wm = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ZERO)
        .withIdleness(Duration.ofMillis(300));
    List<String> windows = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        countsPerKeyAndSecond(env.fromSource(strings(topic).build(), wm, "kafka")).executeAndCollect(4));
    // partition 1 reaches 2400: windows [0,1s) and [1s,2s) of both keys are complete
    assertThat(windows).containsExactlyInAnyOrder("a,10", "b,10", "a,10", "b,10");
  }

  /**
   * With idle-when-caught-up, a partition read to its end stops holding event time back at once (no
   * idleness timeout): partition 1 (up to 1.9 s) is caught up while partition 0 reaches 2.9 s, so the
   * windows up to 2 s fire for both. Without it, partition 1 would hold event time at 1.9 s.
   */
  @Test
  void caughtUpPartitionsAreIdleAtOnce() throws Exception {
    String topic = "caught-up";
    KAFKA.kafka().createTopic(topic, 2);
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      for (int t = 0; t < 3_000; t += 100) {
        p.send(new ProducerRecord<>(topic, 0, (long) t, null, "a"));
      }
      for (int t = 0; t < 2_000; t += 100) {
        p.send(new ProducerRecord<>(topic, 1, (long) t, null, "b"));
      }
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> windows = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        countsPerKeyAndSecond(env.fromSource(strings(topic).setIdleWhenCaughtUp(true).build(),
            WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ZERO), "kafka")).executeAndCollect(4));
    assertThat(windows).containsExactlyInAnyOrder("a,10", "b,10", "a,10", "b,10");
  }

  /**
   * An assigned partition holds event time back from its assignment, not from its first record: a
   * partition whose records come later (here: produced after the job read the other one) is not
   * made late by the other partition's progress.
   */
  @Test
  void aPartitionHoldsEventTimeBackBeforeItsFirstRecord() throws Exception {
    String topic = "late-partition";
    KAFKA.kafka().createTopic(topic, 2);
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      for (int t = 0; t < 3_000; t += 100) {
        p.send(new ProducerRecord<>(topic, 0, (long) t, null, "a"));
      }
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    try (CloseableIterator<String> it = countsPerKeyAndSecond(env.fromSource(strings(topic).build(),
            WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ZERO), "kafka")).executeAndCollect()) {
      Thread.sleep(1_500); // partition 0 is read by now; partition 1 has nothing yet
      try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
        for (int t = 0; t < 3_000; t += 100) {
          p.send(new ProducerRecord<>(topic, 1, (long) t, null, "b"));
        }
        p.send(new ProducerRecord<>(topic, 0, 10_000L, null, "a"));
        p.send(new ProducerRecord<>(topic, 1, 10_000L, null, "b"));
      }
      List<String> windows = new ArrayList<>();
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        while (windows.size() < 6) {
          windows.add(it.next());
        }
      });
      // every window of both partitions is complete: none of partition 1's records was late
      assertThat(windows).containsExactlyInAnyOrder("a,10", "a,10", "a,10", "b,10", "b,10", "b,10");
    }
  }

  @Test
  void discoversPartitionsAddedWhileRunning() throws Exception {
    String topic = "growing";
    KAFKA.kafka().createTopic(topic, 1);
    produceRoundRobin(KAFKA.bootstrapServers(), topic, 1, List.of("p0"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    KafkaSource<String> source = strings(topic).setPartitionDiscoveryInterval(Duration.ofMillis(200)).build();
    try (CloseableIterator<String> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
        .executeAndCollect()) {
      assertThat(it.next()).isEqualTo("p0");
      KAFKA.kafka().addPartitions(topic, 3);
      try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
        p.send(new ProducerRecord<>(topic, 1, null, "p1"));
        p.send(new ProducerRecord<>(topic, 2, null, "p2"));
      }
      Set<String> later = new HashSet<>();
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        later.add(it.next());
        later.add(it.next());
      });
      assertThat(later).containsExactlyInAnyOrder("p1", "p2");
    }
  }

  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final Map<String, Long> LAST_COUNT = new ConcurrentHashMap<>();
  static final Map<String, Long> MAX_COUNT = new ConcurrentHashMap<>();
  static final java.util.concurrent.atomic.AtomicLong TOTAL_SEEN = new java.util.concurrent.atomic.AtomicLong();

  static final java.util.concurrent.atomic.AtomicLong SEEN_AT_FAILURE = new java.util.concurrent.atomic.AtomicLong();

  /**
   * Fails once, when a checkpoint that started after this subtask had seen 3000 records has
   * completed: its barrier left the sources after those records, so the offsets it restores are
   * past the beginning.
   */
  static final class FailOnce implements MapFunction<String, String> {
    private final String checkpoints;
    private long seen;
    private int needed = Integer.MAX_VALUE;

    FailOnce(String checkpoints) {
      this.checkpoints = checkpoints;
    }

    @Override
    public String map(String value) throws Exception {
      TOTAL_SEEN.incrementAndGet();
      if (++seen == 3_000) {
        needed = KafkaTestUtil.newestCheckpoint(Path.of(checkpoints), false) + 1;
      }
      if (seen > 3_000 && !FAILED.get() && KafkaTestUtil.newestCheckpoint(Path.of(checkpoints), true) >= needed && FAILED.compareAndSet(false, true)) {
        SEEN_AT_FAILURE.set(TOTAL_SEEN.get());
        throw new IllegalStateException("injected failure");
      }
      return value;
    }
  }

  @Test
  void restoresOffsetsFromTheCheckpointAfterAFailure() throws Exception {
    String topic = "recovery";
    KAFKA.kafka().createTopic(topic, 3);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      values.add("k" + (i % 10));
    }
    produceRoundRobin(KAFKA.bootstrapServers(), topic, 3, values);
    FAILED.set(false);
    LAST_COUNT.clear();
    MAX_COUNT.clear();
    TOTAL_SEEN.set(0);
    java.nio.file.Files.createDirectories(tmp.resolve("chk"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(30);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(50)));
    env.fromSource(strings(topic).setBounded(OffsetsInitializer.latest()).build(), WatermarkStrategy.noWatermarks(), "kafka")
        .uid("kafka")
        // chained to the source, so that its reading is slow and checkpoints are spread over the input
        // whatever the speed of the machine
        .map(new KafkaTestUtil.Throttle()).uid("throttle")
        .rebalance()
        .map(new FailOnce(tmp.resolve("chk").toString())).uid("fail")
        .map(v -> dev.sluice.api.java.tuple.Tuple2.of(v, 1L))
        .returns(dev.sluice.api.common.typeinfo.Types.TUPLE(dev.sluice.api.common.typeinfo.Types.STRING,
            dev.sluice.api.common.typeinfo.Types.LONG))
        .keyBy(t -> t.f0)
        .sum(1).uid("counts")
        .map(t -> {
          LAST_COUNT.put(t.f0, t.f1);
          MAX_COUNT.merge(t.f0, t.f1, Math::max);
          return t;
        })
        .sinkTo(new DiscardingSink<>());
    env.execute("recovery");

    assertThat(FAILED).isTrue();
    // the second attempt read on from the checkpoint's offsets, not from the beginning
    assertThat(TOTAL_SEEN.get() - SEEN_AT_FAILURE.get()).isLessThan(30_000L);
    for (int k = 0; k < 10; k++) {
      // every record counted exactly once in state: no loss, no duplicate
      assertThat(LAST_COUNT.get("k" + k)).as("k" + k).isEqualTo(3_000L);
      assertThat(MAX_COUNT.get("k" + k)).as("k" + k).isEqualTo(3_000L);
    }
  }

  /** Rejects values that are "bad". */
  static final class Picky implements DeserializationSchema<String> {
    @Override
    public String deserialize(byte[] message) {
      String s = new String(message, StandardCharsets.UTF_8);
      if (s.equals("bad")) {
        throw new IllegalArgumentException("not a good value: " + s);
      }
      return s;
    }
  }

  @Test
  void aBadRecordFailsTheJobWithItsCoordinates() {
    String topic = "bad-fail";
    KAFKA.kafka().createTopic(topic, 1);
    produceRoundRobin(KAFKA.bootstrapServers(), topic, 1, List.of("a", "b", "bad", "c"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics(topic).setValueOnlyDeserializer(new Picky()).setBounded(OffsetsInitializer.latest()).build();
    assertThatThrownBy(() -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(10))
        .hasStackTraceContaining("topic bad-fail, partition 0, offset 2")
        .hasStackTraceContaining("not a good value: bad");
  }

  @Test
  void badRecordsCanBeSkippedOrDeadLettered() throws Exception {
    String topic = "bad-skip";
    KAFKA.kafka().createTopic(topic, 1);
    KAFKA.kafka().createTopic("dead-letters", 1);
    produceRoundRobin(KAFKA.bootstrapServers(), topic, 1, List.of("a", "bad", "b", "bad", "c"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KafkaSource<String> skip = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics(topic).setValueOnlyDeserializer(new Picky()).setBounded(OffsetsInitializer.latest())
        .setBadRecordPolicy(BadRecordPolicy.SKIP).build();
    assertThat(env.fromSource(skip, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(10))
        .containsExactly("a", "b", "c");

    env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KafkaSource<String> dlq = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics(topic).setValueOnlyDeserializer(new Picky()).setBounded(OffsetsInitializer.latest())
        .setDeadLetterTopic("dead-letters").build();
    assertThat(env.fromSource(dlq, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(10))
        .containsExactly("a", "b", "c");
    var dead = KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "dead-letters", "read_committed");
    assertThat(KafkaTestUtil.values(dead)).containsExactly("bad", "bad");
    assertThat(new String(dead.get(1).headers().lastHeader("sluice.offset").value(), StandardCharsets.UTF_8))
        .isEqualTo("3");
    assertThat(new String(dead.get(0).headers().lastHeader("sluice.error").value(), StandardCharsets.UTF_8))
        .contains("not a good value");
  }

  @Test
  void unreachableBootstrapServersFailQuicklyAndClearly() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers("127.0.0.1:1")
        .setTopics("any").setValueOnlyDeserializer(new SimpleStringSchema())
        .setClientTimeout(Duration.ofSeconds(2)).build();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(1))
        .hasStackTraceContaining("Kafka at 127.0.0.1:1 did not answer within 2000 ms");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(15_000);
  }

  @Test
  void aMissingTopicIsAClearError() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KafkaSource<String> source = strings("no-such-topic").build();
    assertThatThrownBy(() -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(1))
        .hasStackTraceContaining("Kafka topic [no-such-topic] does not exist on " + KAFKA.bootstrapServers());
  }
}
