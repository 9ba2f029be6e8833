package dev.sluice.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads an output topic of a {@link TopologyTestDriver}, in the order the records were written
 * (across partitions; records of one key are in their order). Reading consumes.
 */
public class TestOutputTopic<K, V> {
  private final TopologyTestDriver driver;
  private final String topic;
  private final Deserializer<K> keyDeserializer;
  private final Deserializer<V> valueDeserializer;

  TestOutputTopic(TopologyTestDriver driver, String topic, Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer) {
    this.driver = driver;
    this.topic = topic;
    this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
    this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
  }

  private TestRecord<K, V> toRecord(InMemoryTopics.Rec r) {
    K key = r.key() == null ? null : keyDeserializer.deserialize(topic, r.key());
    V value = r.value() == null ? null : valueDeserializer.deserialize(topic, r.value());
    return new TestRecord<>(key, value, Instant.ofEpochMilli(r.timestamp()));
  }

  public TestRecord<K, V> readRecord() {
    List<InMemoryTopics.Rec> one = driver.outputTopic(topic).takeUnread(1);
    if (one.isEmpty()) {
      throw new NoSuchElementException("Empty topic: " + topic);
    }
    return toRecord(one.get(0));
  }

  public V readValue() {
    return readRecord().value();
  }

  public KeyValue<K, V> readKeyValue() {
    TestRecord<K, V> r = readRecord();
    return new KeyValue<>(r.key(), r.value());
  }

  public List<TestRecord<K, V>> readRecordsToList() {
    List<TestRecord<K, V>> out = new ArrayList<>();
    for (InMemoryTopics.Rec r : driver.outputTopic(topic).takeUnread(Integer.MAX_VALUE)) {
      out.add(toRecord(r));
    }
    return out;
  }

  public List<V> readValuesToList() {
    List<V> out = new ArrayList<>();
    readRecordsToList().forEach(r -> out.add(r.value()));
    return out;
  }

  public List<KeyValue<K, V>> readKeyValuesToList() {
    List<KeyValue<K, V>> out = new ArrayList<>();
    readRecordsToList().forEach(r -> out.add(new KeyValue<>(r.key(), r.value())));
    return out;
  }

  /** The latest value per key (a null value removes the key), as a table reads the topic. */
  public Map<K, V> readKeyValuesToMap() {
    Map<K, V> out = new HashMap<>();
    for (TestRecord<K, V> r : readRecordsToList()) {
      if (r.key() == null) {
        throw new IllegalStateException("Topic " + topic + " has a record with a null key; it cannot be read as a map");
      }
      if (r.value() == null) {
        out.remove(r.key());
      } else {
        out.put(r.key(), r.value());
      }
    }
    return out;
  }

  public long getQueueSize() {
    return driver.outputTopic(topic).unread();
  }

  public boolean isEmpty() {
    return getQueueSize() == 0;
  }

  @Override
  public String toString() {
    return "TestOutputTopic[topic=" + topic + "]";
  }
}
