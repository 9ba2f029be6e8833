package dev.sluice.api.common.serialization;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.util.Collector;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns the bytes of a message (a Kafka record's value, say) into an element. An exception thrown
 * here is a bad record: the connector reports it with the record's coordinates.
 */
public interface DeserializationSchema<T> extends Serializable {
  /** Called once per parallel instance before the first message. */
  default void open(InitializationContext context) throws Exception {}

  /** The element of {@code message} (which may be null: a Kafka tombstone). */
  T deserialize(byte[] message) throws IOException;

  /** Emits zero or more elements for {@code message}; by default the one of {@link #deserialize(byte[])}, if not null. */
  default void deserialize(byte[] message, Collector<T> out) throws IOException {
    T value = deserialize(message);
    if (value != null) {
      out.collect(value);
    }
  }

  /** Whether {@code nextElement} ends the stream (it is not emitted). */
  default boolean isEndOfStream(T nextElement) {
    return false;
  }

  /** The type of the elements, or null when unknown. */
  default TypeInformation<T> getProducedType() {
    return null;
  }

  /** What {@link #open} learns. */
  interface InitializationContext {}
}
