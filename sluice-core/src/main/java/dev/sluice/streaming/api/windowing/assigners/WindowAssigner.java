package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/** Decides which windows an element belongs to, and which trigger fires them by default. */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The windows {@code element} (with event timestamp {@code timestamp}) belongs to. */
  public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

  /** The trigger used when the program sets none. */
  public abstract Trigger<T, W> getDefaultTrigger();

  /** Whether windows are in event time (and so subject to watermarks and lateness). */
  public abstract boolean isEventTime();

  /** What an assigner may ask of the runtime. */
  public abstract static class WindowAssignerContext {
    public abstract long getCurrentProcessingTime();
  }
}
