package dev.sluice.streams;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** A record piped into or read from the {@link TopologyTestDriver}: key, value, timestamp, headers. */
public class TestRecord<K, V> {
  private final K key;
  private final V value;
  private final Instant recordTime;
  private final Headers headers;

  public TestRecord(K key, V value, Headers headers, Instant recordTime) {
    this.key = key;
    this.value = value;
    this.headers = headers == null ? new RecordHeaders() : headers;
    this.recordTime = recordTime;
  }

  public TestRecord(K key, V value, Instant recordTime) {
    this(key, value, null, recordTime);
  }

  public TestRecord(K key, V value) {
    this(key, value, null, null);
  }

  public TestRecord(V value) {
    this(null, value, null, null);
  }

  public K key() {
    return key;
  }

  public V value() {
    return value;
  }

  public K getKey() {
    return key;
  }

  public V getValue() {
    return value;
  }

  public Headers headers() {
    return headers;
  }

  /** The timestamp in ms, or null when none was set. */
  public Long timestamp() {
    return recordTime == null ? null : recordTime.toEpochMilli();
  }

  public Instant getRecordTime() {
    return recordTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestRecord<?, ?> r && Objects.equals(key, r.key) && Objects.equals(value, r.value)
        && Objects.equals(recordTime, r.recordTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value, recordTime);
  }

  @Override
  public String toString() {
    return "TestRecord[key=" + key + ", value=" + value + ", recordTime=" + recordTime + "]";
  }
}
