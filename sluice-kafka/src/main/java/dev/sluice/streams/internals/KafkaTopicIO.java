package dev.sluice.streams.internals;

import dev.sluice.connector.base.DeliveryGuarantee;
import dev.sluice.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.sluice.connector.kafka.sink.KafkaSink;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streams.KeyValue;
import dev.sluice.streams.StreamsConfig;
import dev.sluice.util.Collector;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Topics on a Kafka cluster: a {@link KafkaSource} per source topic (group id = application.id,
 * the Kafka record timestamps as the records' timestamps, {@code read_committed} with
 * exactly-once, {@link PartitionTime} watermarks with caught-up partitions idle) and a {@link KafkaSink} per {@code to(..)} (at-least-once, or exactly-once with
 * transactions named {@code <application.id>-<sink name>-...}).
 */
public final class KafkaTopicIO implements TopicIO {
  @Override
  public DataStream<KeyValue<Object, Object>> source(Compilation c, String topic, Deserializer<Object> keyDeserializer,
      Deserializer<Object> valueDeserializer, String name) {
    StreamsConfig config = c.config();
    Properties props = config.clientProperties(StreamsConfig.CONSUMER_PREFIX);
    if (config.exactlyOnce()) {
      props.putIfAbsent("isolation.level", "read_committed");
    }
    String reset = config.getString(StreamsConfig.AUTO_OFFSET_RESET);
    if (reset == null) {
      reset = props.getProperty(StreamsConfig.AUTO_OFFSET_RESET);
    }
    props.remove(StreamsConfig.AUTO_OFFSET_RESET);
    OffsetsInitializer start = "latest".equals(reset) ? OffsetsInitializer.latest() : OffsetsInitializer.earliest();
    KafkaSource<KeyValue<Object, Object>> source = KafkaSource.<KeyValue<Object, Object>>builder()
        .setBootstrapServers(config.bootstrapServers())
        .setTopics(topic)
        .setGroupId(config.applicationId())
        .setStartingOffsets(start)
        .setProperties(props)
        .setDeserializer(new KeyValueDeserialization(keyDeserializer, valueDeserializer))
        .setIdleWhenCaughtUp(true)
        .build();
    return c.env().fromSource(source, PartitionTime.strategy(), name).uid(name);
  }

  @Override
  public void sink(Compilation c, DataStream<KeyValue<Object, Object>> stream, String topic,
      Serializer<Object> keySerializer, Serializer<Object> valueSerializer, String name) {
    StreamsConfig config = c.config();
    KafkaSink<KeyValue<Object, Object>> sink = KafkaSink.<KeyValue<Object, Object>>builder()
        .setBootstrapServers(config.bootstrapServers())
        .setKafkaProducerConfig(config.clientProperties(StreamsConfig.PRODUCER_PREFIX))
        .setRecordSerializer(new KeyValueSerialization(topic, keySerializer, valueSerializer))
        .setDeliveryGuarantee(config.exactlyOnce() ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
        .setTransactionalIdPrefix(config.applicationId() + "-" + name)
        .build();
    stream.sinkTo(sink).name(name).uid(name);
  }

  /** Kafka records to {@link KeyValue}s with the DSL's deserializers (failures name the topic). */
  static final class KeyValueDeserialization implements KafkaRecordDeserializationSchema<KeyValue<Object, Object>> {
    private static final long serialVersionUID = 1L;
    private final Deserializer<Object> keys;
    private final Deserializer<Object> values;

    KeyValueDeserialization(Deserializer<Object> keys, Deserializer<Object> values) {
      this.keys = keys;
      this.values = values;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KeyValue<Object, Object>> out) {
      Object key = record.key() == null ? null : SerdeCalls.deserialize(keys, record.topic(), record.key(), true);
      Object value = record.value() == null ? null : SerdeCalls.deserialize(values, record.topic(), record.value(), false);
      out.collect(new KeyValue<>(key, value));
    }
  }

  /** {@link KeyValue}s to Kafka records (key-hash partitioning by the producer, the record's timestamp). */
  static final class KeyValueSerialization implements KafkaRecordSerializationSchema<KeyValue<Object, Object>> {
    private static final long serialVersionUID = 1L;
    private final String topic;
    private final Serializer<Object> keys;
    private final Serializer<Object> values;

    KeyValueSerialization(String topic, Serializer<Object> keys, Serializer<Object> values) {
      this.topic = topic;
      this.keys = keys;
      this.values = values;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(KeyValue<Object, Object> element, Long timestamp) {
      byte[] key = element.key == null ? null : SerdeCalls.serialize(keys, topic, element.key, true);
      byte[] value = element.value == null ? null : SerdeCalls.serialize(values, topic, element.value, false);
      Long ts = timestamp == null || timestamp < 0 ? null : timestamp;
      return new ProducerRecord<>(topic, null, ts, key, value);
    }
  }
}
