package dev.sluice.streams.errors;

/** A topology that cannot run (no sink, a source topic used twice, ...). */
public class TopologyException extends StreamsException {
  private static final long serialVersionUID = 1L;

  public TopologyException(String message) {
    super("Invalid topology: " + message);
  }
}
