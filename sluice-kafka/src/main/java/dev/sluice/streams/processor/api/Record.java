package dev.sluice.streams.processor.api;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** A record given to and forwarded by a {@link Processor}: key, value, timestamp, headers. */
public final class Record<K, V> {
  private final K key;
  private final V value;
  private final long timestamp;
  private final Headers headers;

  public Record(K key, V value, long timestamp, Headers headers) {
    if (timestamp < 0) {
      throw new IllegalArgumentException("A record's timestamp must not be negative: " + timestamp);
    }
    this.key = key;
    this.value = value;
    this.timestamp = timestamp;
    this.headers = headers == null ? new RecordHeaders() : headers;
  }

  public Record(K key, V value, long timestamp) {
    this(key, value, timestamp, null);
  }

  public K key() {
    return key;
  }

  public V value() {
    return value;
  }

  public long timestamp() {
    return timestamp;
  }

  /** Headers travel only inside a processor: Sluice does not carry headers between operators yet. */
  public Headers headers() {
    return headers;
  }

  public <NK> Record<NK, V> withKey(NK key) {
    return new Record<>(key, value, timestamp, headers);
  }

  public <NV> Record<K, NV> withValue(NV value) {
    return new Record<>(key, value, timestamp, headers);
  }

  public Record<K, V> withTimestamp(long timestamp) {
    return new Record<>(key, value, timestamp, headers);
  }

  public Record<K, V> withHeaders(Headers headers) {
    return new Record<>(key, value, timestamp, headers);
  }

  @Override
  public String toString() {
    return "Record{key=" + key + ", value=" + value + ", timestamp=" + timestamp + "}";
  }
}
