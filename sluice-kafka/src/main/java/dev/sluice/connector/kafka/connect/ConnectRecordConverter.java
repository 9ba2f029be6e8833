package dev.sluice.connector.kafka.connect;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a {@link SourceRecord} polled from a Connect source task into an element of the stream. An
 * exception, or a null result, makes the record one that cannot be converted (see {@link
 * ConversionErrorPolicy}).
 *
 * @param <T> the type of the stream's elements
 */
@FunctionalInterface
public interface ConnectRecordConverter<T> extends Serializable {
  T convert(SourceRecord record) throws Exception;

  /**
   * The record's value as a string: a {@code String} as it is, bytes ({@code byte[]} or a {@code
   * ByteBuffer}) decoded as UTF-8, anything else (numbers, {@code Struct}s, maps) by {@code
   * toString()}. A record without a value cannot be converted.
   */
  static ConnectRecordConverter<String> valueAsString() {
    return record -> {
      Object value = record.value();
      if (value == null) {
        throw new IllegalArgumentException("the record has no value");
      }
      if (value instanceof String s) {
        return s;
      }
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      if (value instanceof ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
      }
      return value.toString();
    };
  }
}
