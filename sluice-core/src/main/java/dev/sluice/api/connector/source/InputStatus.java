package dev.sluice.api.connector.source;

/** What {@link SourceReader#pollNext} reports. */
public enum InputStatus {
  /** More records are ready: call again soon. */
  MORE_AVAILABLE,
  /** Nothing is ready now: call again later. */
  NOTHING_AVAILABLE,
  /** This reader has no more input, ever. */
  END_OF_INPUT
}
