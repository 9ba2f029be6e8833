package dev.sluice.connector.kafka.sink;

import dev.sluice.api.common.serialization.SerializationSchema;
import java.io.Serializable;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Turns an element into a Kafka record (topic, key, value, timestamp). */
public interface KafkaRecordSerializationSchema<T> extends Serializable {
  default void open(SerializationSchema.InitializationContext context) throws Exception {}

  /** The record for {@code element}; {@code timestamp} is the element's, or null. */
  ProducerRecord<byte[], byte[]> serialize(T element, Long timestamp);

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Builds a schema from a topic (or selector) and key and value serialization schemas. */
  final class Builder<T> {
    private String topic;
    private TopicSelector<? super T> topicSelector;
    private SerializationSchema<? super T> keySchema;
    private SerializationSchema<? super T> valueSchema;

    public <E extends T> Builder<E> setTopic(String topic) {
      this.topic = topic;
      this.topicSelector = null;
      @SuppressWarnings("unchecked")
      Builder<E> self = (Builder<E>) this;
      return self;
    }

    public <E extends T> Builder<E> setTopicSelector(TopicSelector<? super E> selector) {
      @SuppressWarnings("unchecked")
      Builder<E> self = (Builder<E>) this;
      self.topicSelector = selector;
      self.topic = null;
      return self;
    }

    public <E extends T> Builder<E> setKeySerializationSchema(SerializationSchema<? super E> schema) {
      @SuppressWarnings("unchecked")
      Builder<E> self = (Builder<E>) this;
      self.keySchema = schema;
      return self;
    }

    public <E extends T> Builder<E> setValueSerializationSchema(SerializationSchema<? super E> schema) {
      @SuppressWarnings("unchecked")
      Builder<E> self = (Builder<E>) this;
      self.valueSchema = schema;
      return self;
    }

    public KafkaRecordSerializationSchema<T> build() {
      if (topic == null && topicSelector == null) {
        throw new IllegalStateException("KafkaRecordSerializationSchema needs a topic (setTopic or setTopicSelector)");
      }
      if (valueSchema == null) {
        throw new IllegalStateException("KafkaRecordSerializationSchema needs a value serialization schema");
      }
      String fixed = topic;
      TopicSelector<? super T> selector = topicSelector;
      SerializationSchema<? super T> key = keySchema;
      SerializationSchema<? super T> value = valueSchema;
      return new KafkaRecordSerializationSchema<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public void open(SerializationSchema.InitializationContext context) throws Exception {
          if (key != null) {
            key.open(context);
          }
          value.open(context);
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, Long timestamp) {
          String t = fixed != null ? fixed : selector.apply(element);
          return new ProducerRecord<>(t, null, timestamp, key == null ? null : key.serialize(element),
              value.serialize(element));
        }
      };
    }
  }
}
