package dev.sluice.util;

/** Receives the elements a function emits. Valid only during the call it was handed to. */
public interface Collector<T> {
  void collect(T record);

  /** Has no effect for collectors handed to user functions; kept for Flink compatibility. */
  default void close() {}
}
