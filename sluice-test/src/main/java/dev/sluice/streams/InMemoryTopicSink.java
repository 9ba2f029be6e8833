package dev.sluice.streams;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.streams.internals.SerdeCalls;
import org.apache.kafka.common.serialization.Serializer;

/** Writes to an in-memory topic of the test driver, serialized with the topology's serdes. */
final class InMemoryTopicSink implements Sink<KeyValue<Object, Object>> {
  private static final long serialVersionUID = 1L;
  private final String driverId;
  private final String topic;
  private final Serializer<Object> keys;
  private final Serializer<Object> values;

  InMemoryTopicSink(String driverId, String topic, Serializer<Object> keys, Serializer<Object> values) {
    this.driverId = driverId;
    this.topic = topic;
    this.keys = keys;
    this.values = values;
  }

  @Override
  public SinkWriter<KeyValue<Object, Object>> createWriter(WriterInitContext context) {
    InMemoryTopics.Topic t = InMemoryTopics.of(driverId).topic(topic);
    return new SinkWriter<>() {
      @Override
      public void write(KeyValue<Object, Object> element, Context ctx) {
        byte[] k = element.key == null ? null : SerdeCalls.serialize(keys, topic, element.key, true);
        byte[] v = element.value == null ? null : SerdeCalls.serialize(values, topic, element.value, false);
        Long ts = ctx.timestamp();
        t.append(k, v, ts == null || ts < 0 ? 0 : ts);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
