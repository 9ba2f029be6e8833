package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Windows of a fixed size that do not overlap; each element is in exactly one. */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long offset;

  protected TumblingProcessingTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingProcessingTimeWindows of(Duration size) {
    return new TumblingProcessingTimeWindows(WindowChecks.positive(size, "window size", "TumblingProcessingTimeWindows"), 0);
  }

  /** Windows of {@code size} starting at {@code offset} past each multiple of the size. */
  public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
    long s = WindowChecks.positive(size, "window size", "TumblingProcessingTimeWindows");
    return new TumblingProcessingTimeWindows(s, WindowChecks.offset(offset, s, "size", "TumblingProcessingTimeWindows"));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long t = context.getCurrentProcessingTime();
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
    return ProcessingTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "TumblingProcessingTimeWindows(" + size + ")";
  }
}
