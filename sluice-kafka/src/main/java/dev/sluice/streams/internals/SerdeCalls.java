package dev.sluice.streams.internals;

import dev.sluice.streams.errors.StreamsException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Serializer and deserializer calls that name the topic, the side and the serde when they fail. */
public final class SerdeCalls {
  private SerdeCalls() {}

  public static byte[] serialize(Serializer<Object> serializer, String topic, Object data, boolean key) {
    try {
      return serializer.serialize(topic, data);
    } catch (ClassCastException e) {
      throw new StreamsException("Could not write a record to topic [" + topic + "]: the " + (key ? "key" : "value")
          + " serializer " + serializer.getClass().getName() + " does not fit the " + (key ? "key" : "value")
          + " (a " + (data == null ? "null" : data.getClass().getName()) + "); give the right serde with Produced.with(..)"
          + " or " + (key ? "default.key.serde" : "default.value.serde"), e);
    }
  }

  public static Object deserialize(Deserializer<Object> deserializer, String topic, byte[] data, boolean key) {
    try {
      return deserializer.deserialize(topic, data);
    } catch (RuntimeException e) {
      throw new StreamsException("Could not read a record of topic [" + topic + "]: the " + (key ? "key" : "value")
          + " deserializer " + deserializer.getClass().getName() + " failed on " + (data == null ? "null" : data.length + " bytes")
          + " (" + e.getMessage() + "); give the right serde with Consumed.with(..) or "
          + (key ? "default.key.serde" : "default.value.serde"), e);
    }
  }
}
