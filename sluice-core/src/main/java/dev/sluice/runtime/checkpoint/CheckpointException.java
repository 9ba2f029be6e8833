package dev.sluice.runtime.checkpoint;

/** A checkpoint could not be taken or restored. */
public class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
