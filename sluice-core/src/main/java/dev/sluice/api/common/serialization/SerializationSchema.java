package dev.sluice.api.common.serialization;

import java.io.Serializable;

/** Turns an element into the bytes of a message (a Kafka record's key or value, say). */
public interface SerializationSchema<T> extends Serializable {
  /** Called once per parallel instance before the first element. */
  default void open(InitializationContext context) throws Exception {}

  byte[] serialize(T element);

  /** What {@link #open} learns. */
  interface InitializationContext {}
}
