package dev.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.api.common.serialization.SimpleStringSchema;
import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.sluice.connector.kafka.sink.KafkaSink;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.kafka.broker.LocalKafka;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wrong credentials and missing rights, on a real broker with SASL/PLAIN and ACLs: the job fails
 * with a message that says what Kafka refused and where, and writes nothing.
 */
class KafkaSecurityTest {
  private static LocalKafka kafka;

  @BeforeAll
  static void start() throws Exception {
    kafka = LocalKafka.builder().saslPlainUsers(Map.of("alice", "alice-secret", "bob", "bob-secret")).start();
    kafka.createTopic("secured", 1);
    kafka.createTopic("secured-out", 1);
    KafkaTestUtil.produceRoundRobin(kafka.bootstrapServers(), "secured", 1, List.of("a", "b", "c"));
    try (Admin admin = kafka.admin()) {
      // alice may read "secured" (with any group) and write "secured-out"; bob may do nothing
      admin.createAcls(List.of(
          allow("alice", ResourceType.TOPIC, "secured", AclOperation.READ),
          allow("alice", ResourceType.TOPIC, "secured", AclOperation.DESCRIBE),
          allow("alice", ResourceType.GROUP, "*", AclOperation.READ),
          allow("alice", ResourceType.TOPIC, "secured-out", AclOperation.WRITE),
          allow("alice", ResourceType.TOPIC, "secured-out", AclOperation.DESCRIBE))).all().get();
    }
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static AclBinding allow(String user, ResourceType type, String name, AclOperation op) {
    return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }

  private static KafkaSource<String> source(String user, String password) {
    return KafkaSource.<String>builder().setBootstrapServers(kafka.saslBootstrapServers())
        .setTopics("secured").setGroupId("secured-readers")
        .setValueOnlyDeserializer(new SimpleStringSchema()).setBounded(OffsetsInitializer.latest())
        .setProperty("security.protocol", "SASL_PLAINTEXT").setProperty("sasl.mechanism", "PLAIN")
        .setProperty("sasl.jaas.config", jaas(user, password))
        .setProperty("default.api.timeout.ms", "10000").setProperty("request.timeout.ms", "5000")
        .build();
  }

  @Test
  void theRightUserReads() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.fromSource(source("alice", "alice-secret"), WatermarkStrategy.noWatermarks(), "kafka")
        .executeAndCollect(10)).containsExactly("a", "b", "c");
  }

  @Test
  void aWrongPasswordFailsTheJobNamingTheAuthenticationFailure() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> env.fromSource(source("alice", "wrong"), WatermarkStrategy.noWatermarks(), "kafka")
        .executeAndCollect(10))
        .hasStackTraceContaining(kafka.saslBootstrapServers())
        .hasStackTraceContaining("Authentication failed");
  }

  @Test
  void aUserWithoutReadRightsFailsTheJobNamingTheTopic() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> env.fromSource(source("bob", "bob-secret"), WatermarkStrategy.noWatermarks(), "kafka")
        .executeAndCollect(10))
        .hasStackTraceContaining(kafka.saslBootstrapServers())
        .hasStackTraceContaining("secured")
        .hasStackTraceContaining("authoriz");
  }

  @Test
  void aUserWithoutWriteRightsFailsTheJobNamingTheTopicAndWritesNothing() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromData("x", "y").sinkTo(KafkaSink.<String>builder().setBootstrapServers(kafka.saslBootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic("secured-out")
            .setValueSerializationSchema(new SimpleStringSchema()).build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setProperty("security.protocol", "SASL_PLAINTEXT").setProperty("sasl.mechanism", "PLAIN")
        .setProperty("sasl.jaas.config", jaas("bob", "bob-secret"))
        .setProperty("max.block.ms", "10000")
        .build());
    assertThatThrownBy(() -> env.execute("bob writes"))
        .hasStackTraceContaining(kafka.saslBootstrapServers())
        .hasStackTraceContaining("secured-out")
        .hasStackTraceContaining("authoriz");
    assertThat(KafkaTestUtil.readAll(kafka.bootstrapServers(), "secured-out", "read_uncommitted")).isEmpty();
  }
}
