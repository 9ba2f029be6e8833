package dev.sluice.connector.kafka.connect;

import java.io.Serializable;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * Turns an element of the stream into the Connect value (or key) of a {@code SinkRecord}: a schema
 * and a value. An exception, or a null result, makes the element one that cannot be converted (see
 * {@link ConversionErrorPolicy}); to send a null value, return {@code SchemaAndValue.NULL}.
 *
 * @param <T> the type of the stream's elements
 */
@FunctionalInterface
public interface SinkValueConverter<T> extends Serializable {
  SchemaAndValue convert(T element) throws Exception;

  /** The element's {@code toString()} with the string schema. */
  static <T> SinkValueConverter<T> string() {
    return element -> new SchemaAndValue(Schema.STRING_SCHEMA, element.toString());
  }

  /**
   * The element as it is, without a schema: for sink tasks that take schemaless values (strings,
   * numbers, maps, lists).
   */
  static <T> SinkValueConverter<T> schemaless() {
    return element -> new SchemaAndValue(null, element);
  }
}
