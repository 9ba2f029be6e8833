package dev.sluice.streams.errors;

/** A failure of a Streams DSL application (a bad topology, a missing topic, a serde error). */
public class StreamsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StreamsException(String message) {
    super(message);
  }

  public StreamsException(String message, Throwable cause) {
    super(message, cause);
  }
}
