package dev.sluice.runtime.elements;

/**
 * Event time has reached {@code timestamp}: no record with a timestamp at or below it is expected
 * on this channel any more (records that still come are late).
 */
public record Watermark(long timestamp) implements Control {
  /** Sent when a bounded input ends, so that every pending event-time action fires. */
  public static final Watermark MAX = new Watermark(Long.MAX_VALUE);
}
