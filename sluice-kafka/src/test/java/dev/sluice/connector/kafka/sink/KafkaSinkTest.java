package dev.sluice.connector.kafka.sink;

import static dev.sluice.connector.kafka.KafkaTestUtil.produceRoundRobin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.serialization.SimpleStringSchema;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.kafka.KafkaTestUtil;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.kafka.testing.LocalKafkaExtension;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KafkaSinkTest {
  @RegisterExtension
  static final LocalKafkaExtension KAFKA = new LocalKafkaExtension();

  @TempDir Path tmp;

  private static KafkaSink<String> sink(String topic, DeliveryGuarantee guarantee) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(KAFKA.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
            .setKeySerializationSchema((String s) -> s.substring(0, s.indexOf(',')).getBytes())
            .setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(guarantee)
        .setTransactionalIdPrefix("test-" + topic)
        .build();
  }

  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  /** Fails {@link #FAILURES_LEFT} times, each after a checkpoint completed past its last failure. */
  static final class Failing implements MapFunction<String, String> {
    private final String checkpoints;
    private long seen;
    private int needed = -1;

    Failing(String checkpoints) {
      this.checkpoints = checkpoints;
    }

    @Override
    public String map(String value) throws Exception {
      if (++seen % 1_000 == 0 && needed < 0) {
        needed = KafkaTestUtil.newestCheckpoint(Path.of(checkpoints), true) + 1;
      }
      if (needed > 0 && seen % 100 == 0 && KafkaTestUtil.newestCheckpoint(Path.of(checkpoints), true) >= needed && FAILURES_LEFT.getAndDecrement() > 0) {
        throw new IllegalStateException("injected failure");
      }
      return value;
    }
  }

  private static List<String> expected(int keys, int perKey) {
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      for (int n = 1; n <= perKey; n++) {
        lines.add("k" + k + "," + n);
      }
    }
    return lines;
  }

  private void countJob(String in, String out, DeliveryGuarantee guarantee, int failures) throws Exception {
    Files.createDirectories(tmp.resolve("chk"));
    FAILURES_LEFT.set(failures);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(50);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(failures + 1, Duration.ofMillis(50)));
    KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics(in).setValueOnlyDeserializer(new SimpleStringSchema())
        .setBounded(OffsetsInitializer.latest()).build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "in").uid("in")
        // chained to the source: its reading is slow, so checkpoints are spread over the input on any machine
        .map(new KafkaTestUtil.Throttle()).uid("throttle")
        .rebalance()
        .map(new Failing(tmp.resolve("chk").toString())).uid("failing")
        .map(v -> Tuple2.of(v, 1L)).returns(Types.TUPLE(Types.STRING, Types.LONG))
        .keyBy(t -> t.f0)
        .sum(1).uid("counts")
        .map(t -> t.f0 + "," + t.f1).uid("format")
        .sinkTo(sink(out, guarantee)).uid("out");
    env.execute("count per key");
  }

  @Test
  void aTransactionTimeoutShorterThanTheCheckpointIntervalIsRefusedWhenTheJobIsBuilt() {
    dev.sluice.streaming.api.environment.StreamExecutionEnvironment env =
        dev.sluice.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(120_000);
    env.fromData("a,1").sinkTo(KafkaSink.<String>builder()
        .setBootstrapServers(KAFKA.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic("never-written")
            .setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("short-timeout")
        .setProperty("transaction.timeout.ms", "60000")
        .build());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.executeAsync("short timeout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transaction.timeout.ms (60000 ms) is shorter than the checkpoint interval (120000 ms)")
        .hasMessageContaining("at least 180000 ms");
  }

  @Test
  void atLeastOnceWritesEverything() throws Exception {
    KAFKA.kafka().createTopic("alo-in", 3);
    KAFKA.kafka().createTopic("alo-out", 2);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      values.add("k" + (i % 4));
    }
    produceRoundRobin(KAFKA.bootstrapServers(), "alo-in", 3, values);
    countJob("alo-in", "alo-out", DeliveryGuarantee.AT_LEAST_ONCE, 0);
    assertThat(KafkaTestUtil.values(KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "alo-out", "read_uncommitted")))
        .containsExactlyInAnyOrderElementsOf(expected(4, 500));
  }

  @Test
  void exactlyOnceUnderFailures() throws Exception {
    KAFKA.kafka().createTopic("eo-in", 3);
    KAFKA.kafka().createTopic("eo-out", 2);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      values.add("k" + (i % 6));
    }
    produceRoundRobin(KAFKA.bootstrapServers(), "eo-in", 3, values);
    countJob("eo-in", "eo-out", DeliveryGuarantee.EXACTLY_ONCE, 1);
    assertThat(FAILURES_LEFT.get()).isLessThanOrEqualTo(0);
    assertThat(KafkaTestUtil.values(KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "eo-out", "read_committed")))
        .containsExactlyInAnyOrderElementsOf(expected(6, 5_000));
  }

  /** A transaction flushed by one producer is committed by another from its id and epoch; twice is harmless. */
  @Test
  void aPrecommittedTransactionIsCommittedFromItsCommittable() throws Exception {
    KAFKA.kafka().createTopic("resume", 1);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "resume-tx");
    KafkaCommittable committable;
    KafkaProducer<byte[], byte[]> writer = InternalProducers.create(p);
    {
      writer.initTransactions();
      writer.beginTransaction();
      writer.send(new ProducerRecord<>("resume", "a".getBytes()));
      writer.send(new ProducerRecord<>("resume", "b".getBytes()));
      writer.flush();
      committable = InternalProducers.committable("resume-tx", writer);
      writer.close(Duration.ZERO); // closed at once, without commit: the transaction stays open
    }
    Properties common = new Properties();
    common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    new KafkaCommitter(common).commit(List.of(committable));
    new KafkaCommitter(common).commit(List.of(committable)); // again, as after a restore
    assertThat(KafkaTestUtil.values(KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "resume", "read_committed")))
        .containsExactly("a", "b");
  }

  /**
   * A producer whose transaction committed takes a new transactional id as a new producer would:
   * it registers the id with the coordinator, fencing a zombie that still holds that id with an
   * open transaction, and its records are committed under the new id.
   */
  @Test
  void aCommittedProducerCarriesATransactionOfAnotherId() throws Exception {
    KAFKA.kafka().createTopic("reassign", 1);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "reassign-a");
    Properties zombieProps = new Properties();
    zombieProps.putAll(p);
    zombieProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "reassign-b");
    try (KafkaProducer<byte[], byte[]> producer = InternalProducers.create(p);
        KafkaProducer<byte[], byte[]> zombie = InternalProducers.create(zombieProps)) {
      zombie.initTransactions();
      zombie.beginTransaction();
      zombie.send(new ProducerRecord<>("reassign", "zombie".getBytes()));
      zombie.flush();

      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("reassign", "first".getBytes()));
      producer.commitTransaction();
      long firstProducerId = InternalProducers.committable("reassign-a", producer).producerId();

      InternalProducers.reassign(producer, "reassign-b");
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("reassign", "second".getBytes()));
      producer.flush();
      KafkaCommittable second = InternalProducers.committable("reassign-b", producer);
      producer.commitTransaction();

      assertThat(second.producerId()).isNotEqualTo(firstProducerId);
      org.assertj.core.api.Assertions.assertThatThrownBy(zombie::commitTransaction)
          .isInstanceOf(org.apache.kafka.common.KafkaException.class);
    }
    assertThat(KafkaTestUtil.values(KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "reassign", "read_committed")))
        .containsExactly("first", "second");
    assertThat(ongoing()).doesNotContain("reassign-a", "reassign-b");
  }

  /** Many checkpoints, few producers: a committed transaction's producer carries a later one. */
  @Test
  void theWriterReusesCommittedProducers() throws Exception {
    KAFKA.kafka().createTopic("reuse-in", 1);
    KAFKA.kafka().createTopic("reuse-out", 1);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      values.add("k" + (i % 3));
    }
    produceRoundRobin(KAFKA.bootstrapServers(), "reuse-in", 1, values);
    Files.createDirectories(tmp.resolve("chk"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(20);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers())
        .setTopics("reuse-in").setValueOnlyDeserializer(new SimpleStringSchema())
        .setBounded(OffsetsInitializer.latest()).build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "in")
        .map(new KafkaTestUtil.Throttle(5)) // about 1.2 s of input: many checkpoints on any machine
        .map(v -> v + ",x")
        .sinkTo(sink("reuse-out", DeliveryGuarantee.EXACTLY_ONCE)).uid("out");
    dev.sluice.core.execution.JobClient client = env.executeAsync("reuse");
    client.getJobExecutionResult().get();
    long transactions = 0;
    long producers = 0;
    for (var e : client.metrics().entrySet()) {
      if (e.getKey().endsWith(".kafkaTransactions")) {
        transactions += e.getValue();
      } else if (e.getKey().endsWith(".kafkaProducersCreated")) {
        producers += e.getValue();
      }
    }
    assertThat(KafkaTestUtil.values(KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "reuse-out", "read_committed")))
        .hasSize(values.size());
    assertThat(transactions).isGreaterThanOrEqualTo(10);
    assertThat(producers).isBetween(1L, transactions / 3);
  }

  /** Opens a transaction with id {@code id}, writes {@code value} to {@code topic} and "crashes" (closes without ending it). */
  private static void leaveOpen(String id, String topic, String value) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    KafkaProducer<byte[], byte[]> crashed = InternalProducers.create(p);
    crashed.initTransactions();
    crashed.beginTransaction();
    crashed.send(new ProducerRecord<>(topic, value.getBytes()));
    crashed.flush();
    crashed.close(Duration.ZERO);
  }

  private static java.util.Set<String> ongoing() throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        java.util.Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (var t : admin.listTransactions().all().get()) {
        if (t.state() == org.apache.kafka.clients.admin.TransactionState.ONGOING) {
          ids.add(t.transactionalId());
        }
      }
      return ids;
    }
  }

  /**
   * Transactions a crashed run of the job left open after the checkpoint the new run starts from
   * would hold read-committed consumers back until the broker's timeout; the new run aborts them
   * before it writes (including those of subtask indexes beyond its parallelism), and leaves other
   * jobs' transactions alone.
   */
  @Test
  void aNewRunAbortsTheTransactionsAnEarlierRunLeftOpen() throws Exception {
    KAFKA.kafka().createTopic("crashed-out", 2);
    KAFKA.kafka().createTopic("other-out", 1);
    leaveOpen("test-crashed-out-0-1", "crashed-out", "stale-0");
    leaveOpen("test-crashed-out-1-4", "crashed-out", "stale-1");
    leaveOpen("test-crashed-out-3-2", "crashed-out", "stale-3"); // a subtask the new run (parallelism 2) does not have
    leaveOpen("test-crashed-out-x-0-1", "other-out", "another job's"); // another prefix that starts the same
    assertThat(ongoing()).contains("test-crashed-out-0-1", "test-crashed-out-1-4", "test-crashed-out-3-2", "test-crashed-out-x-0-1");

    Files.createDirectories(tmp.resolve("chk"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.enableCheckpointing(50);
    env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("chk").toString());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      lines.add("k" + (i % 5) + "," + i);
    }
    env.fromData(lines).sinkTo(sink("crashed-out", DeliveryGuarantee.EXACTLY_ONCE)); // prefix test-crashed-out
    env.execute("after a crash");

    assertThat(KafkaTestUtil.values(KafkaTestUtil.readAll(KAFKA.bootstrapServers(), "crashed-out", "read_committed")))
        .containsExactlyInAnyOrderElementsOf(lines);
    assertThat(ongoing()).contains("test-crashed-out-x-0-1").doesNotContain("test-crashed-out-0-1", "test-crashed-out-1-4", "test-crashed-out-3-2");
  }

  @Test
  void transactionalIdsNameTheSubtaskAndTheCheckpoint() {
    assertThat(KafkaWriter.transactionalId("my-job", 3, 41)).isEqualTo("my-job-3-42");
    assertThat(KafkaWriter.parseTransactionalId("my-job", "my-job-3-42")).containsExactly(3, 42);
    assertThat(KafkaWriter.parseTransactionalId("my-job", "my-job-x-3-42")).isNull();
    assertThat(KafkaWriter.parseTransactionalId("my-job", "my-job-3")).isNull();
    assertThat(KafkaWriter.parseTransactionalId("my-job", "my-jobs-3-42")).isNull();
  }
}
