package dev.sluice.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connector.kafka.KafkaTestUtil;
import dev.sluice.kafka.testing.LocalKafkaExtension;
import dev.sluice.streams.errors.StreamsException;
import dev.sluice.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import dev.sluice.streams.kstream.KStream;
import dev.sluice.streams.kstream.Produced;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** KafkaStreams on the real broker: word count at both guarantees, restarts, the exception handler. */
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class KafkaStreamsTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path stateDir;

  private Properties config(String appId, String guarantee) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.String().getClass());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    return p;
  }

  /** The seed's word count, with a hook on each word (to fail on purpose). */
  static Topology wordCount(String in, String out, java.util.function.Consumer<String> onWord) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> textLines = builder.stream(in);
    textLines
        .flatMapValues(textLine -> Arrays.asList(textLine.toLowerCase().split("\\W+")))
        .peek((k, word) -> onWord.accept(word))
        .groupBy((key, word) -> word)
        .count()
        .toStream().to(out, Produced.with(Serdes.String(), Serdes.Long()));
    return builder.build();
  }

  static void produce(String topic, List<String> lines) {
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      for (int i = 0; i < lines.size(); i++) {
        p.send(new ProducerRecord<>(topic, "line-" + i, lines.get(i)));
      }
      p.flush();
    }
  }

  static List<String> lines(int n, int offset) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("w" + ((i + offset) % 7) + " w" + ((i + offset) % 3) + " common");
    }
    return out;
  }

  static Map<String, Long> expectedCounts(List<String> lines) {
    Map<String, Long> out = new HashMap<>();
    for (String l : lines) {
      for (String w : l.toLowerCase().split("\\W+")) {
        out.merge(w, 1L, Long::sum);
      }
    }
    return out;
  }

  /** Reads the topic until the latest count per word equals {@code expected}; returns every record read. */
  static List<ConsumerRecord<String, Long>> awaitCounts(String topic, String isolation, Map<String, Long> expected)
      throws InterruptedException {
    List<ConsumerRecord<String, Long>> all = new ArrayList<>();
    Map<String, Long> latest = new HashMap<>();
    try (KafkaConsumer<String, Long> c = new KafkaConsumer<>(Map.of("bootstrap.servers", KAFKA.bootstrapServers(),
        "isolation.level", isolation), new StringDeserializer(), new LongDeserializer())) {
      List<TopicPartition> tps = c.partitionsFor(topic).stream()
          .map(pi -> new TopicPartition(topic, pi.partition())).toList();
      c.assign(tps);
      c.seekToBeginning(tps);
      long deadline = System.currentTimeMillis() + 60_000;
      while (!latest.equals(expected)) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("counts not reached within 60 s; latest " + latest + ", expected " + expected);
        }
        for (ConsumerRecord<String, Long> r : c.poll(Duration.ofMillis(100))) {
          all.add(r);
          latest.put(r.key(), r.value());
        }
      }
    }
    return all;
  }

  /** Each word's counts as read: strictly increasing means no update was written twice. */
  static void assertNoDuplicateUpdates(List<ConsumerRecord<String, Long>> records) {
    Map<String, Long> last = new HashMap<>();
    for (ConsumerRecord<String, Long> r : records) {
      Long previous = last.put(r.key(), r.value());
      assertThat(previous == null || previous < r.value())
          .as("count of %s went from %s to %s", r.key(), previous, r.value()).isTrue();
    }
  }

  static void awaitState(KafkaStreams streams, KafkaStreams.State state) throws InterruptedException {
    KafkaTestUtil.await(60_000, () -> streams.state() == state);
  }

  @Test
  void wordCountAtLeastOnce() throws Exception {
    KAFKA.kafka().createTopic("alo-in", 3);
    KAFKA.kafka().createTopic("alo-out", 2);
    List<String> lines = lines(200, 0);
    produce("alo-in", lines);
    List<KafkaStreams.State> states = new CopyOnWriteArrayList<>();
    try (KafkaStreams streams = new KafkaStreams(wordCount("alo-in", "alo-out", w -> {}),
        config("wc-alo", StreamsConfig.AT_LEAST_ONCE))) {
      streams.setStateListener((n, o) -> states.add(n));
      streams.start();
      awaitCounts("alo-out", "read_uncommitted", expectedCounts(lines));
      awaitState(streams, KafkaStreams.State.RUNNING);
    }
    assertThat(states).containsSubsequence(KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING,
        KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);
  }

  @Test
  void wordCountExactlyOnceAndRestartResumesFromTheCheckpoint() throws Exception {
    KAFKA.kafka().createTopic("eos-in", 3);
    KAFKA.kafka().createTopic("eos-out", 2);
    List<String> first = lines(150, 0);
    List<String> second = lines(120, 5);
    produce("eos-in", first);
    Properties props = config("wc-eos", StreamsConfig.EXACTLY_ONCE_V2);
    KafkaStreams firstRun = new KafkaStreams(wordCount("eos-in", "eos-out", w -> {}), props);
    firstRun.start();
    assertNoDuplicateUpdates(awaitCounts("eos-out", "read_committed", expectedCounts(first)));
    assertThat(firstRun.close(Duration.ofSeconds(60))).as("stopped with a final checkpoint").isTrue();
    produce("eos-in", second);
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    try (KafkaStreams streams = new KafkaStreams(wordCount("eos-in", "eos-out", w -> {}), props)) {
      assertThat(streams.checkpoints()).as("the first run left a checkpoint").isNotEmpty();
      streams.start();
      // counts go on from the first run's state: nothing lost, nothing counted twice
      assertNoDuplicateUpdates(awaitCounts("eos-out", "read_committed", expectedCounts(all)));
    }
  }

  static final AtomicInteger FAILURES = new AtomicInteger();

  @Test
  void replaceThreadRecoversFromTheLatestCheckpoint() throws Exception {
    KAFKA.kafka().createTopic("rt-in", 2);
    KAFKA.kafka().createTopic("rt-out", 2);
    List<String> lines = lines(300, 0);
    produce("rt-in", lines);
    FAILURES.set(1);
    AtomicInteger seen = new AtomicInteger();
    List<Throwable> handled = new CopyOnWriteArrayList<>();
    Topology topology = wordCount("rt-in", "rt-out", w -> {
      if (seen.incrementAndGet() > 400 && FAILURES.getAndDecrement() > 0) {
        throw new IllegalStateException("boom on " + w);
      }
    });
    try (KafkaStreams streams = new KafkaStreams(topology, config("wc-replace", StreamsConfig.EXACTLY_ONCE_V2))) {
      streams.setUncaughtExceptionHandler(e -> {
        handled.add(e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      });
      streams.start();
      assertNoDuplicateUpdates(awaitCounts("rt-out", "read_committed", expectedCounts(lines)));
      assertThat(handled).hasSize(1);
      assertThat(handled.get(0)).hasMessageContaining("boom on");
      assertThat(streams.runs()).isEqualTo(2);
      awaitState(streams, KafkaStreams.State.RUNNING);
    }
  }

  @Test
  void withoutAHandlerAFailureShutsTheClientDown() throws Exception {
    KAFKA.kafka().createTopic("fail-in", 1);
    KAFKA.kafka().createTopic("fail-out", 1);
    produce("fail-in", List.of("a b c"));
    Topology topology = wordCount("fail-in", "fail-out", w -> {
      throw new IllegalStateException("always");
    });
    try (KafkaStreams streams = new KafkaStreams(topology, config("wc-fail", StreamsConfig.AT_LEAST_ONCE))) {
      streams.start();
      awaitState(streams, KafkaStreams.State.ERROR);
    }
  }

  @Test
  void aMissingSourceTopicIsNamed() {
    try (KafkaStreams streams = new KafkaStreams(wordCount("no-such-topic", "x", w -> {}),
        config("wc-missing", StreamsConfig.AT_LEAST_ONCE))) {
      assertThatThrownBy(streams::start).isInstanceOf(StreamsException.class).hasMessageContaining("[no-such-topic]");
      assertThat(streams.state()).isEqualTo(KafkaStreams.State.ERROR);
    }
  }

  @Test
  void configErrorsNameTheKey() {
    Properties noId = config("x", StreamsConfig.AT_LEAST_ONCE);
    noId.remove(StreamsConfig.APPLICATION_ID_CONFIG);
    assertThatThrownBy(() -> new KafkaStreams(wordCount("a", "b", w -> {}), noId))
        .isInstanceOf(ConfigException.class).hasMessageContaining("application.id");
    Properties noServers = config("x", StreamsConfig.AT_LEAST_ONCE);
    noServers.remove(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    assertThatThrownBy(() -> new KafkaStreams(wordCount("a", "b", w -> {}), noServers))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bootstrap.servers");
    assertThatThrownBy(() -> new KafkaStreams(wordCount("a", "b", w -> {}), config("x", "exactly_once")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("processing.guarantee");
    Properties noSerde = config("x", StreamsConfig.AT_LEAST_ONCE);
    noSerde.remove(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG);
    assertThatThrownBy(() -> new KafkaStreams(wordCount("a", "b", w -> {}), noSerde))
        .isInstanceOf(ConfigException.class).hasMessageContaining("[a]").hasMessageContaining("default.key.serde");
  }

  @Test
  void cleanUpDeletesTheStateOnlyWhenNotRunning() throws Exception {
    KAFKA.kafka().createTopic("clean-in", 1);
    KAFKA.kafka().createTopic("clean-out", 1);
    produce("clean-in", List.of("x y"));
    Properties props = config("wc-clean", StreamsConfig.AT_LEAST_ONCE);
    KafkaStreams streams = new KafkaStreams(wordCount("clean-in", "clean-out", w -> {}), props);
    streams.start();
    awaitCounts("clean-out", "read_uncommitted", Map.of("x", 1L, "y", 1L));
    assertThatThrownBy(streams::cleanUp).isInstanceOf(IllegalStateException.class);
    streams.close();
    assertThat(stateDir.resolve("wc-clean")).exists();
    streams.cleanUp();
    assertThat(stateDir.resolve("wc-clean")).doesNotExist();
  }

  @Test
  void streamTimeSurvivesARestartSoLateRecordsStayLate() throws Exception {
    KAFKA.kafka().createTopic("st-in", 1);
    KAFKA.kafka().createTopic("st-out", 1);
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream("st-in").groupByKey()
        .windowedBy(dev.sluice.streams.kstream.TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(10)))
        .count()
        .toStream().map((w, n) -> KeyValue.pair(w.key() + "@" + w.window().start(), n))
        .to("st-out", Produced.with(Serdes.String(), Serdes.Long()));
    Topology topology = builder.build();
    Properties props = config("wc-stream-time", StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      p.send(new ProducerRecord<>("st-in", 0, 100_000L, "a", "x"));
    }
    KafkaStreams first = new KafkaStreams(topology, props);
    first.start();
    awaitCounts("st-out", "read_committed", Map.of("a@100000", 1L));
    assertThat(first.close(Duration.ofSeconds(60))).isTrue();
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      p.send(new ProducerRecord<>("st-in", 0, 5_000L, "a", "late"));        // its window closed at stream time 100 s
      p.send(new ProducerRecord<>("st-in", 0, 100_500L, "a", "y"));
    }
    try (KafkaStreams second = new KafkaStreams(topology, props)) {
      second.start();
      List<ConsumerRecord<String, Long>> all = awaitCounts("st-out", "read_committed", Map.of("a@100000", 2L));
      assertThat(all).extracting(ConsumerRecord::key).doesNotContain("a@0");
      KafkaTestUtil.await(30_000, () -> second.metricsOfJob().entrySet().stream()
          .anyMatch(e -> e.getKey().endsWith("numLateRecordsDropped") && e.getValue() == 1));
    }
  }

  private static Topology suppressedWindowCount(String in, String out) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, String>stream(in).groupByKey()
        .windowedBy(dev.sluice.streams.kstream.TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(10)))
        .count()
        .suppress(dev.sluice.streams.kstream.Suppressed.untilWindowCloses(
            dev.sluice.streams.kstream.Suppressed.BufferConfig.unbounded()))
        .toStream().map((w, n) -> KeyValue.pair(w.key() + "@" + w.window().start(), n))
        .to(out, Produced.with(Serdes.String(), Serdes.Long()));
    return builder.build();
  }

  private static long lateRecordsDropped(KafkaStreams streams) {
    return streams.metricsOfJob().entrySet().stream()
        .filter(e -> e.getKey().endsWith("numLateRecordsDropped")).mapToLong(Map.Entry::getValue).sum();
  }

  /**
   * Runs {@link #suppressedWindowCount} from {@code in} to {@code out} (at least once, {@code
   * threads} stream threads) until {@code out} holds {@code expected}; returns the records the
   * window operator dropped as late.
   */
  private long runSuppressedWindowCount(String app, String in, String out, int threads,
      Map<String, Long> expected) throws Exception {
    Properties props = config(app, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    try (KafkaStreams streams = new KafkaStreams(suppressedWindowCount(in, out), props)) {
      streams.start();
      awaitCounts(out, "read_uncommitted", expected);
      return lateRecordsDropped(streams);
    }
  }

  /**
   * Two partitions with a backlog, the newer records in one, the older in the other: a partition
   * read ahead must not move stream time past the other's records (a Kafka Streams task takes them
   * in timestamp order). Records at 200 s of many keys close every window at every task.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
  void aPartitionReadAheadDoesNotMakeTheOthersRecordsLate(int threads) throws Exception {
    String in = "backlog-in-" + threads;
    String out = "backlog-out-" + threads;
    KAFKA.kafka().createTopic(in, 2);
    KAFKA.kafka().createTopic(out, 1);
    Map<String, Long> expected = new HashMap<>(Map.of("old@0", 2_000L, "new@100000", 2_000L));
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      for (int i = 0; i < 2_000; i++) {
        p.send(new ProducerRecord<>(in, 0, 100_000L + i, "new", "x"));
        p.send(new ProducerRecord<>(in, 1, (long) i, "old", "x"));
      }
      for (int k = 0; k < 32; k++) {
        p.send(new ProducerRecord<>(in, k % 2, 200_000L, "end-" + k, "x"));
        expected.put("end-" + k + "@200000", 1L);
      }
      for (int k = 0; k < 32; k++) {
        p.send(new ProducerRecord<>(in, k % 2, 300_000L, "end-" + k, "x"));
      }
    }
    assertThat(runSuppressedWindowCount("backlog-" + threads, in, out, threads, expected)).isZero();
  }

  /**
   * Once every partition is caught up, stream time is the largest timestamp seen (as in Kafka
   * Streams), not the least partition time: the window of the partition that is behind closes. (With
   * one source task the source's own watermark already reaches 50 s here; the case that needs the
   * operator to be told of idleness is {@link #anIdleInputMovesStreamTimeToTheLargestTimestampSeen}.)
   */
  @Test
  void onceCaughtUpStreamTimeIsTheLargestTimestampSeen() throws Exception {
    KAFKA.kafka().createTopic("caught-up-in", 2);
    KAFKA.kafka().createTopic("caught-up-out", 1);
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      p.send(new ProducerRecord<>("caught-up-in", 0, 1_000L, "a", "x"));
      p.send(new ProducerRecord<>("caught-up-in", 1, 50_000L, "b", "x"));
    }
    runSuppressedWindowCount("caught-up", "caught-up-in", "caught-up-out", 1, Map.of("a@0", 1L));
  }

  /**
   * Two source tasks: partition 1 (one record at 50 s) is caught up while partition 0 still delivers
   * its backlog at 1 s, so the input watermark stops at 1 s when both are idle. The window task,
   * told its whole input is idle, moves stream time to the largest timestamp it saw (50 s) and
   * closes the window of the backlog; with the watermark alone it would stay open.
   */
  @Test
  void anIdleInputMovesStreamTimeToTheLargestTimestampSeen() throws Exception {
    KAFKA.kafka().createTopic("idle-in", 2);
    KAFKA.kafka().createTopic("idle-out", 1);
    try (KafkaProducer<String, String> p = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      p.send(new ProducerRecord<>("idle-in", 1, 50_000L, "a", "x"));
      for (int i = 0; i < 20_000; i++) {
        p.send(new ProducerRecord<>("idle-in", 0, 1_000L, "a", "x"));
      }
    }
    assertThat(runSuppressedWindowCount("idle", "idle-in", "idle-out", 2, Map.of("a@0", 20_000L))).isZero();
  }
}
