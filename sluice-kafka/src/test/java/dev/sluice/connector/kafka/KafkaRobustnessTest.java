package dev.sluice.connector.kafka;

import static dev.sluice.connector.kafka.KafkaTestUtil.produceRoundRobin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.serialization.SimpleStringSchema;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.sluice.connector.kafka.sink.KafkaSink;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.core.execution.JobClient;
import dev.sluice.formats.json.JsonDeserializationSchema;
import dev.sluice.kafka.broker.LocalKafka;
import dev.sluice.kafka.testing.LocalKafkaExtension;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.CloseableIterator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Kafka connectors when things go wrong around them, on the real broker: a topic deleted while
 * the job reads it, a broker restart while the job runs, data of another format. (Idle
 * partitions, partitions added while running, unreachable servers, a missing topic and records the
 * deserializer rejects are in {@code KafkaSourceTest}.)
 */
class KafkaRobustnessTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path tmp;

  private static KafkaSource<String> strings(String servers, String topic, boolean bounded) {
    var b = KafkaSource.<String>builder().setBootstrapServers(servers).setTopics(topic)
        .setGroupId("robustness-" + topic).setValueOnlyDeserializer(new SimpleStringSchema());
    if (bounded) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  /**
   * A deleted topic fails the job with its name and where reading stopped (the consumer alone would
   * poll on, empty-handed, and the job would wait for records that cannot come).
   */
  @Test
  void aTopicDeletedWhileTheJobReadsItFailsTheJobNamingTheTopic() throws Exception {
    KAFKA.kafka().createTopic("doomed", 2);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      values.add("v" + i);
    }
    produceRoundRobin(KAFKA.bootstrapServers(), "doomed", 2, values);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    CloseableIterator<String> it = env.fromSource(strings(KAFKA.bootstrapServers(), "doomed", false),
        WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect();
    try (it) {
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        got.add(it.next());
      }
      assertThat(got).containsExactlyInAnyOrderElementsOf(values);
      KAFKA.kafka().deleteTopic("doomed");
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        assertThatThrownBy(it::hasNext)
            .hasStackTraceContaining("Kafka topic doomed no longer exists on " + KAFKA.bootstrapServers()
                + " (deleted while the job was reading it): partition(s) [0, 1] were read up to offset(s) {0=50, 1=50}");
      });
    }
  }

  /** The same for a bounded source, which would otherwise wait forever for its stopping offsets. */
  @Test
  void aBoundedSourceWhoseTopicIsDeletedFailsToo() throws Exception {
    KAFKA.kafka().createTopic("doomed-bounded", 1);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      values.add("v" + i);
    }
    try (var producer = KafkaTestUtil.producer(KAFKA.bootstrapServers())) {
      for (String v : values) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("doomed-bounded", v));
        producer.flush(); // a record batch each, so that a fetch can return just one
      }
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics("doomed-bounded").setValueOnlyDeserializer(new SimpleStringSchema())
        .setBounded(OffsetsInitializer.latest())
        // the fetcher is at most a few records ahead of the job: most are still in Kafka when it is deleted
        .setProperty("max.poll.records", "1")
        .setProperty("max.partition.fetch.bytes", "1")
        .setProperty("fetch.max.bytes", "1")
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
        .map(v -> {
          Thread.sleep(20); // 200 records: 4 s
          return v;
        }).returns(Types.STRING)
        .sinkTo(new dev.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
    JobClient client = env.executeAsync("bounded, deleted");
    Thread.sleep(500);
    KAFKA.kafka().deleteTopic("doomed-bounded");
    assertThatThrownBy(() -> client.getJobExecutionResult().get(60, TimeUnit.SECONDS))
        .hasStackTraceContaining("Kafka topic doomed-bounded no longer exists on " + KAFKA.bootstrapServers());
  }

  /** A record of another format (text read as JSON) fails the job with its coordinates. */
  @Test
  void dataOfAnotherFormatFailsWithTheRecordsCoordinates() {
    KAFKA.kafka().createTopic("not-json", 1);
    produceRoundRobin(KAFKA.bootstrapServers(), "not-json", 1, List.of("{\"name\":\"a\"}", "plain text"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KafkaSource<Named> source = KafkaSource.<Named>builder().setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics("not-json").setValueOnlyDeserializer(new JsonDeserializationSchema<>(Named.class))
        .setBounded(OffsetsInitializer.latest()).build();
    assertThatThrownBy(() -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(10))
        .hasStackTraceContaining("Could not deserialize the Kafka record at topic not-json, partition 0, offset 1")
        .hasStackTraceContaining("not a valid JSON Named");
  }

  private static KafkaSink<String> sinkTo(String servers, String topic, DeliveryGuarantee guarantee) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(servers)
        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
            .setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(guarantee)
        .setTransactionalIdPrefix("robustness-" + topic)
        .setProperty("max.block.ms", "2000")
        .build();
  }

  @Test
  void anExactlyOnceSinkWithUnreachableServersFailsNamingThem() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromData("a", "b").sinkTo(sinkTo("127.0.0.1:1", "anywhere", DeliveryGuarantee.EXACTLY_ONCE));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        assertThatThrownBy(() -> env.execute("unreachable sink"))
            .hasStackTraceContaining("Kafka at 127.0.0.1:1 did not answer within 2000 ms (is bootstrap.servers right"));
  }

  @ParameterizedTest
  @EnumSource(value = DeliveryGuarantee.class, names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
  void aSinkToATopicThatDoesNotExistFailsNamingIt(DeliveryGuarantee guarantee) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromData("a", "b").sinkTo(sinkTo(KAFKA.bootstrapServers(), "no-such-output", guarantee));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        assertThatThrownBy(() -> env.execute("missing output topic"))
            .hasStackTraceContaining("Writing to Kafka at " + KAFKA.bootstrapServers() + " failed: Topic no-such-output"
                + " not present in metadata after 2000 ms. (is bootstrap.servers right, the broker up and the topic there?"));
  }

  /** A record for the JSON test. */
  public record Named(String name) {}

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * The broker is stopped and started again (same port, same data) while a checkpointing job reads
   * from it and writes to it exactly once; read_committed output is exactly an uninterrupted run's.
   */
  @Test
  void aBrokerRestartWhileTheJobRunsLosesAndRepeatsNothing() throws Exception {
    int port = freePort();
    Path data = tmp.resolve("kafka");
    LocalKafka kafka = LocalKafka.builder().port(port).dataDir(data).start();
    String servers = kafka.bootstrapServers();
    int keys = 7;
    int records = 20_000;
    try {
      kafka.createTopic("restart-in", 3);
      kafka.createTopic("restart-out", 2);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < records; i++) {
        values.add("k" + (i % keys));
      }
      produceRoundRobin(servers, "restart-in", 3, values);
      Files.createDirectories(tmp.resolve("chk"));

      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      env.enableCheckpointing(100);
      env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
      env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofSeconds(1)));
      env.fromSource(strings(servers, "restart-in", true), WatermarkStrategy.noWatermarks(), "in").uid("in")
          .map(new KafkaCrashTestJob.Rate(2_000)).uid("rate") // ~5 s of input at 2 x 2,000 a second
          .map(v -> Tuple2.of(v, 1L)).returns(Types.TUPLE(Types.STRING, Types.LONG)).uid("ones")
          .keyBy(t -> t.f0)
          .sum(1).uid("counts")
          .map(t -> t.f0 + "," + t.f1).returns(Types.STRING).uid("format")
          .sinkTo(KafkaSink.<String>builder()
              .setBootstrapServers(servers)
              .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic("restart-out")
                  .setKeySerializationSchema(s -> s.substring(0, s.indexOf(',')).getBytes(StandardCharsets.UTF_8))
                  .setValueSerializationSchema(new SimpleStringSchema()).build())
              .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
              .setTransactionalIdPrefix("restart")
              .build()).uid("out");
      JobClient job = env.executeAsync("across a broker restart");

      // stop the broker once output has been committed, i.e. in the middle of the input
      long deadline = System.currentTimeMillis() + 60_000;
      while (KafkaTestUtil.readAll(servers, "restart-out", "read_committed").isEmpty()) {
        assertThat(System.currentTimeMillis()).as("output committed within 60 s").isLessThan(deadline);
        assertThat(job.getJobExecutionResult().isDone()).as("job still running").isFalse();
        Thread.sleep(100);
      }
      kafka.close();
      Thread.sleep(2_000);
      kafka = LocalKafka.builder().port(port).dataDir(data).start();
      assertThat(job.getJobExecutionResult().isDone()).as("the job waited for the broker").isFalse();

      job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
      Map<String, List<Long>> counts = new TreeMap<>();
      for (ConsumerRecord<String, String> r : KafkaTestUtil.readAll(servers, "restart-out", "read_committed")) {
        String[] keyAndCount = r.value().split(",");
        counts.computeIfAbsent(keyAndCount[0], k -> new ArrayList<>()).add(Long.parseLong(keyAndCount[1]));
      }
      Map<String, List<Long>> expected = new TreeMap<>();
      for (int i = 0; i < records; i++) {
        List<Long> seq = expected.computeIfAbsent("k" + (i % keys), k -> new ArrayList<>());
        seq.add((long) seq.size() + 1);
      }
      assertThat(counts).isEqualTo(expected);
    } finally {
      kafka.close();
    }
  }
}
