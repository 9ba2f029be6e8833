package dev.sluice.connector.kafka.sink;

import dev.sluice.api.connector.sink2.Committer;
import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.SupportsCommitter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Writes a stream to Kafka, with a delivery guarantee: {@code NONE}, {@code AT_LEAST_ONCE} (the
 * producers are flushed at every checkpoint) or {@code EXACTLY_ONCE} (each checkpoint's output is
 * a Kafka transaction, committed when the checkpoint completes; readers with {@code
 * isolation.level=read_committed} see each record once, across failures and restarts).
 *
 * <pre>{@code
 * KafkaSink<String> sink = KafkaSink.<String>builder()
 *     .setBootstrapServers("localhost:9092")
 *     .setRecordSerializer(KafkaRecordSerializationSchema.builder()
 *         .setTopic("output")
 *         .setValueSerializationSchema(new SimpleStringSchema())
 *         .build())
 *     .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .setTransactionalIdPrefix("my-job")
 *     .build();
 * }</pre>
 */
public final class KafkaSink<T> implements Sink<T>, SupportsCommitter<KafkaCommittable>,
    dev.sluice.api.connector.sink2.SupportsCheckpointValidation {
  /** Time allowed for a failed job to restart and commit its pre-committed transactions. */
  static final java.time.Duration RESTART_ALLOWANCE = java.time.Duration.ofMinutes(1);

  private static final long serialVersionUID = 1L;

  private final Properties properties;
  private final KafkaRecordSerializationSchema<T> recordSerializer;
  private final DeliveryGuarantee deliveryGuarantee;
  private final String transactionalIdPrefix;

  KafkaSink(Properties properties, KafkaRecordSerializationSchema<T> recordSerializer,
      DeliveryGuarantee deliveryGuarantee, String transactionalIdPrefix) {
    this.properties = properties;
    this.recordSerializer = recordSerializer;
    this.deliveryGuarantee = deliveryGuarantee;
    this.transactionalIdPrefix = transactionalIdPrefix;
  }

  public static <T> KafkaSinkBuilder<T> builder() {
    return new KafkaSinkBuilder<>();
  }

  public DeliveryGuarantee getDeliveryGuarantee() {
    return deliveryGuarantee;
  }

  public String getTransactionalIdPrefix() {
    return transactionalIdPrefix;
  }

  public KafkaRecordSerializationSchema<T> getRecordSerializer() {
    return recordSerializer;
  }

  public String bootstrapServers() {
    return properties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
  }

  Properties producerProperties() {
    Properties p = new Properties();
    p.putAll(properties);
    if (deliveryGuarantee != DeliveryGuarantee.NONE) {
      p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    }
    return p;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    return new KafkaWriter<>(this, context);
  }

  @Override
  public Committer<KafkaCommittable> createCommitter() {
    return new KafkaCommitter(producerProperties());
  }

  @Override
  public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
    return VersionedCodecs.of(1, (c, out) -> {
      out.writeUTF(c.transactionalId());
      out.writeLong(c.producerId());
      out.writeShort(c.epoch());
      out.writeBoolean(c.transactionV2());
    }, (v, in) -> new KafkaCommittable(in.readUTF(), in.readLong(), in.readShort(), in.readBoolean()));
  }

  /**
   * Exactly-once: a transaction lives from the start of a checkpoint interval until the checkpoint
   * completes, and, after a failure, until the restarted job commits it. If the broker aborts it
   * first ({@code transaction.timeout.ms}), its records are lost; so the timeout must exceed the
   * checkpoint interval plus a restart allowance of one minute.
   */
  @Override
  public void validateCheckpointing(java.time.Duration checkpointInterval, java.time.Duration checkpointTimeout) {
    if (deliveryGuarantee != DeliveryGuarantee.EXACTLY_ONCE) {
      return;
    }
    Object configured = properties.get(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
    long timeoutMs = configured == null ? KafkaSinkBuilder.DEFAULT_TRANSACTION_TIMEOUT.toMillis()
        : Long.parseLong(configured.toString().trim());
    long neededMs = checkpointInterval.toMillis() + RESTART_ALLOWANCE.toMillis();
    if (timeoutMs < neededMs) {
      throw new IllegalArgumentException("its transaction.timeout.ms (" + timeoutMs
          + " ms) is shorter than the checkpoint interval (" + checkpointInterval.toMillis()
          + " ms) plus " + RESTART_ALLOWANCE.toSeconds() + " s to restart: the broker could abort a"
          + " transaction before its checkpoint completes and its records would be lost. Set"
          + " transaction.timeout.ms to at least " + neededMs + " ms (and the broker's"
          + " transaction.max.timeout.ms at least as high), or checkpoint more often.");
    }
  }
}
