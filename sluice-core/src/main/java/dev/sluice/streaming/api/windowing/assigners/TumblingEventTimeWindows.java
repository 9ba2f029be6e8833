package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Windows of a fixed size that do not overlap; each element is in exactly one. */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long offset;

  protected TumblingEventTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingEventTimeWindows of(Duration size) {
    return new TumblingEventTimeWindows(WindowChecks.positive(size, "window size", "TumblingEventTimeWindows"), 0);
  }

  /** Windows of {@code size} starting at {@code offset} past each multiple of the size. */
  public static TumblingEventTimeWindows of(Duration size, Duration offset) {
    long s = WindowChecks.positive(size, "window size", "TumblingEventTimeWindows");
    return new TumblingEventTimeWindows(s, WindowChecks.offset(offset, s, "size", "TumblingEventTimeWindows"));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long t = timestamp;
    long start = TimeWindow.getWindowStartWithOffset(t, offset, size);
    return List.of(new TimeWindow(start, start + size));
  }

  public long getSize() {
    return size;
  }

  public long getOffset() {
    return offset;
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "TumblingEventTimeWindows(" + size + ")";
  }
}
