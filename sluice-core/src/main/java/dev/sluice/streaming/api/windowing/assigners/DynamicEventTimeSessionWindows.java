package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Session windows whose gap is taken from each element by a {@link SessionWindowTimeGapExtractor}. */
public class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;

  protected final SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

  protected DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    this.sessionWindowTimeGapExtractor = Objects.requireNonNull(extractor, "the gap extractor");
  }

  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicEventTimeSessionWindows<>(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    long gap = sessionWindowTimeGapExtractor.extract(element);
    if (gap <= 0) {
      throw new IllegalArgumentException("DynamicEventTimeSessionWindows: the session gap must be positive, got "
          + gap + " ms for " + element);
    }
    long t = timestamp;
    return List.of(new TimeWindow(t, t + gap));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Trigger<T, TimeWindow> getDefaultTrigger() {
    return (Trigger<T, TimeWindow>) (Trigger<?, TimeWindow>) EventTimeTrigger.create();
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
    return "DynamicEventTimeSessionWindows()";
  }
}
