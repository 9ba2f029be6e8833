package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Session windows: each element opens the window {@code [t, t + gap)}, and windows that overlap or
 * touch merge into one.
 */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  protected final long sessionTimeout;

  protected EventTimeSessionWindows(long sessionTimeout) {
    this.sessionTimeout = sessionTimeout;
  }

  public static EventTimeSessionWindows withGap(Duration size) {
    return new EventTimeSessionWindows(WindowChecks.positive(size, "session gap", "EventTimeSessionWindows"));
  }

  /** Sessions whose gap each element determines. */
  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicEventTimeSessionWindows<>(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long t = timestamp;
    return List.of(new TimeWindow(t, t + sessionTimeout));
  }

  public long getGap() {
    return sessionTimeout;
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> c) {
    TimeWindow.mergeWindows(windows, c);
  }

  @Override
  public boolean mergesIntersectingTimeWindows() {
    return true;
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "EventTimeSessionWindows(" + sessionTimeout + ")";
  }
}
