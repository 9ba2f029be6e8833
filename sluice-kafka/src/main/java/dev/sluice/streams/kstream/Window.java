package dev.sluice.streams.kstream;

import java.time.Instant;
import java.util.Objects;

/**
 * A window of time, {@code [start, end)} for time windows and {@code [start, end]} for sessions.
 */
public abstract class Window {
  protected final long startMs;
  protected final long endMs;

  protected Window(long startMs, long endMs) {
    if (endMs < startMs) {
      throw new IllegalArgumentException("A window's end (" + endMs + ") must not be before its start (" + startMs + ")");
    }
    this.startMs = startMs;
    this.endMs = endMs;
  }

  public long start() {
    return startMs;
  }

  public long end() {
    return endMs;
  }

  public Instant startTime() {
    return Instant.ofEpochMilli(startMs);
  }

  public Instant endTime() {
    return Instant.ofEpochMilli(endMs);
  }

  /** Whether this window and {@code other} overlap. */
  public abstract boolean overlap(Window other);

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((Window) o).startMs == startMs && ((Window) o).endMs == endMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(startMs, endMs);
  }

  @Override
  public String toString() {
    return "Window{startMs=" + startMs + ", endMs=" + endMs + "}";
  }
}
