package dev.sluice.connector.kafka.source.reader.deserializer;

import dev.sluice.api.common.serialization.DeserializationSchema;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.util.Collector;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a Kafka record (key, value, headers, coordinates) into zero or more elements. An exception
 * is a bad record, handled as the source's bad-record policy says.
 */
public interface KafkaRecordDeserializationSchema<T> extends Serializable {
  default void open(DeserializationSchema.InitializationContext context) throws Exception {}

  void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

  /** The type of the elements, or null when unknown. */
  default TypeInformation<T> getProducedType() {
    return null;
  }

  /** Only the record's value, with a {@link DeserializationSchema}. */
  static <V> KafkaRecordDeserializationSchema<V> valueOnly(DeserializationSchema<V> schema) {
    return new KafkaRecordDeserializationSchema<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public void open(DeserializationSchema.InitializationContext context) throws Exception {
        schema.open(context);
      }

      @Override
      public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<V> out) throws IOException {
        schema.deserialize(record.value(), out);
      }

      @Override
      public TypeInformation<V> getProducedType() {
        return schema.getProducedType();
      }
    };
  }

  /** Only the record's value, with a Kafka {@link Deserializer} class (e.g. {@code StringDeserializer.class}). */
  static <V> KafkaRecordDeserializationSchema<V> valueOnly(Class<? extends Deserializer<V>> deserializerClass) {
    return new KafkaRecordDeserializationSchema<>() {
      private static final long serialVersionUID = 1L;
      private transient Deserializer<V> deserializer;

      @Override
      public void open(DeserializationSchema.InitializationContext context) throws Exception {
        deserializer = deserializerClass.getDeclaredConstructor().newInstance();
        deserializer.configure(Map.of(), false);
      }

      @Override
      public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<V> out) {
        if (deserializer == null) {
          try {
            open(null);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        V v = deserializer.deserialize(record.topic(), record.headers(), record.value());
        if (v != null) {
          out.collect(v);
        }
      }
    };
  }
}
