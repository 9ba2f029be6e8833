package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Windows of a fixed size that start every {@code slide}; an element is in {@code size / slide}
 * of them (rounded up).
 */
public class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long offset;

  protected SlidingProcessingTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Windows of {@code size} every {@code slide}, starting {@code offset} past each multiple of it. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
    long s = WindowChecks.positive(size, "window size", "SlidingProcessingTimeWindows");
    long sl = WindowChecks.positive(slide, "slide", "SlidingProcessingTimeWindows");
    WindowChecks.slide(s, sl, "SlidingProcessingTimeWindows");
    return new SlidingProcessingTimeWindows(s, sl, WindowChecks.offset(offset, sl, "slide", "SlidingProcessingTimeWindows"));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return SlidingEventTimeWindows.windowsContaining(context.getCurrentProcessingTime(), size, slide, offset);
  }

  public long getSize() {
    return size;
  }

  public long getSlide() {
    return slide;
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
    return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
  }
}
