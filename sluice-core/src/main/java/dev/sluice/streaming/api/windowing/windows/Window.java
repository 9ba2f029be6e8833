package dev.sluice.streaming.api.windowing.windows;

/** A finite (or, for {@link GlobalWindow}, endless) group of elements that is evaluated together. */
public abstract class Window {
  /** The largest timestamp that still belongs to this window. */
  public abstract long maxTimestamp();
}
