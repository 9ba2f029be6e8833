package dev.sluice.connector.kafka.sink;

import dev.sluice.connector.base.DeliveryGuarantee;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Builds a {@link KafkaSink}. */
public final class KafkaSinkBuilder<T> {
  /** Default {@code transaction.timeout.ms}: 10 min (brokers allow up to 15 min by default). */
  public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  private final Properties properties = new Properties();
  private KafkaRecordSerializationSchema<T> recordSerializer;
  private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.NONE;
  private String transactionalIdPrefix;

  KafkaSinkBuilder() {}

  public KafkaSinkBuilder<T> setBootstrapServers(String servers) {
    properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    return this;
  }

  public KafkaSinkBuilder<T> setRecordSerializer(KafkaRecordSerializationSchema<T> serializer) {
    this.recordSerializer = serializer;
    return this;
  }

  public KafkaSinkBuilder<T> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
    this.deliveryGuarantee = guarantee;
    return this;
  }

  /** Prefix of the transactional ids (EXACTLY_ONCE); keeps jobs that write to one cluster apart. */
  public KafkaSinkBuilder<T> setTransactionalIdPrefix(String prefix) {
    this.transactionalIdPrefix = prefix;
    return this;
  }

  /** A Kafka producer property (SSL, SASL, {@code transaction.timeout.ms}, {@code linger.ms}, ...). */
  public KafkaSinkBuilder<T> setProperty(String key, String value) {
    properties.setProperty(key, value);
    return this;
  }

  public KafkaSinkBuilder<T> setKafkaProducerConfig(Properties props) {
    for (String k : props.stringPropertyNames()) {
      properties.setProperty(k, props.getProperty(k));
    }
    return this;
  }

  public KafkaSink<T> build() {
    if (properties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      throw new IllegalStateException("KafkaSink needs bootstrap servers (setBootstrapServers)");
    }
    if (recordSerializer == null) {
      throw new IllegalStateException("KafkaSink needs a record serializer (setRecordSerializer)");
    }
    if (deliveryGuarantee == null) {
      throw new IllegalStateException("the delivery guarantee must not be null");
    }
    for (String forbidden : new String[] {"key.serializer", "value.serializer", "transactional.id"}) {
      if (properties.containsKey(forbidden)) {
        throw new IllegalStateException("KafkaSink sets '" + forbidden + "' itself");
      }
    }
    if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
        throw new IllegalStateException("An EXACTLY_ONCE KafkaSink needs a transactional id prefix "
            + "(setTransactionalIdPrefix), unique among the jobs writing to this cluster");
      }
      properties.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
          String.valueOf(DEFAULT_TRANSACTION_TIMEOUT.toMillis()));
      properties.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }
    return new KafkaSink<>(properties, recordSerializer, deliveryGuarantee, transactionalIdPrefix);
  }
}
