package dev.sluice.streams.errors;

/**
 * Decides what {@code KafkaStreams} does when processing fails: {@code REPLACE_THREAD} restarts
 * the processing from the latest checkpoint, {@code SHUTDOWN_CLIENT} and {@code
 * SHUTDOWN_APPLICATION} stop it (state ERROR). Without a handler the client shuts down.
 */
@FunctionalInterface
public interface StreamsUncaughtExceptionHandler {
  StreamThreadExceptionResponse handle(Throwable exception);

  enum StreamThreadExceptionResponse {
    REPLACE_THREAD,
    SHUTDOWN_CLIENT,
    SHUTDOWN_APPLICATION
  }
}
