package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Windows of a fixed size that start every {@code slide}; an element is in {@code size / slide}
 * of them (rounded up).
 */
public class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long offset;

  protected SlidingEventTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  public static SlidingEventTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Windows of {@code size} every {@code slide}, starting {@code offset} past each multiple of it. */
  public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
    long s = WindowChecks.positive(size, "window size", "SlidingEventTimeWindows");
    long sl = WindowChecks.positive(slide, "slide", "SlidingEventTimeWindows");
    WindowChecks.slide(s, sl, "SlidingEventTimeWindows");
    return new SlidingEventTimeWindows(s, sl, WindowChecks.offset(offset, sl, "slide", "SlidingEventTimeWindows"));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return windowsContaining(timestamp, size, slide, offset);
  }

  /** The windows of {@code size}, every {@code slide} from {@code offset}, that contain time {@code t}. */
  static List<TimeWindow> windowsContaining(long t, long size, long slide, long offset) {
    List<TimeWindow> windows = new ArrayList<>((int) ((size + slide - 1) / slide));
    long lastStart = TimeWindow.getWindowStartWithOffset(t, offset, slide);
    for (long start = lastStart; start > t - size; start -= slide) {
      windows.add(new TimeWindow(start, start + size));
    }
    return windows;
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
    return EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
  }
}
