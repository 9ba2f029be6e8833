package dev.sluice.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Pipes records into an input topic of a {@link TopologyTestDriver}. Records without a timestamp
 * get the topic's current time, which starts at the driver's initial time (or the given start)
 * and moves by the auto-advance after each record. Each pipe call returns when the job is
 * quiescent (a list is piped as a whole, then the job settles once).
 */
public class TestInputTopic<K, V> {
  private final TopologyTestDriver driver;
  private final String topic;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;
  private Instant currentTime;
  private final Duration advance;

  TestInputTopic(TopologyTestDriver driver, String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer,
      Instant start, Duration advance) {
    this.driver = driver;
    this.topic = topic;
    this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
    this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    this.currentTime = start;
    this.advance = advance;
  }

  /** Moves this topic's current time. */
  public void advanceTime(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("advance must not be negative: " + duration);
    }
    currentTime = currentTime.plus(duration);
  }

  private void append(K key, V value, Instant time) {
    Instant ts = time;
    if (ts == null) {
      ts = currentTime;
      currentTime = currentTime.plus(advance);
    }
    byte[] k = key == null ? null : keySerializer.serialize(topic, key);
    byte[] v = value == null ? null : valueSerializer.serialize(topic, value);
    driver.append(topic, k, v, ts.toEpochMilli());
  }

  public void pipeInput(TestRecord<K, V> record) {
    append(record.key(), record.value(), record.getRecordTime());
    driver.settle();
  }

  public void pipeInput(V value) {
    pipeInput(null, value);
  }

  public void pipeInput(K key, V value) {
    append(key, value, null);
    driver.settle();
  }

  public void pipeInput(V value, Instant timestamp) {
    pipeInput(null, value, timestamp);
  }

  public void pipeInput(K key, V value, long timestampMs) {
    pipeInput(key, value, Instant.ofEpochMilli(timestampMs));
  }

  public void pipeInput(K key, V value, Instant timestamp) {
    append(key, value, Objects.requireNonNull(timestamp, "timestamp"));
    driver.settle();
  }

  public void pipeRecordList(List<? extends TestRecord<K, V>> records) {
    for (TestRecord<K, V> r : records) {
      append(r.key(), r.value(), r.getRecordTime());
    }
    driver.settle();
  }

  public void pipeKeyValueList(List<KeyValue<K, V>> keyValues) {
    for (KeyValue<K, V> kv : keyValues) {
      append(kv.key, kv.value, null);
    }
    driver.settle();
  }

  public void pipeValueList(List<V> values) {
    for (V v : values) {
      append(null, v, null);
    }
    driver.settle();
  }

  public void pipeKeyValueList(List<KeyValue<K, V>> keyValues, Instant startTimestamp, Duration advance) {
    Instant t = startTimestamp;
    for (KeyValue<K, V> kv : keyValues) {
      append(kv.key, kv.value, t);
      t = t.plus(advance);
    }
    driver.settle();
  }

  @Override
  public String toString() {
    return "TestInputTopic[topic=" + topic + "]";
  }
}
