package dev.sluice.streams.internals;

import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streams.KeyValue;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Where topics come from and go to: Kafka for {@code KafkaStreams}, in-memory topics for the test
 * driver. Sources emit records with their topic timestamps as the elements' timestamps.
 */
public interface TopicIO {
  DataStream<KeyValue<Object, Object>> source(Compilation c, String topic, Deserializer<Object> keyDeserializer,
      Deserializer<Object> valueDeserializer, String name);

  void sink(Compilation c, DataStream<KeyValue<Object, Object>> stream, String topic,
      Serializer<Object> keySerializer, Serializer<Object> valueSerializer, String name);
}
