package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Session windows whose gap is taken from each element by a {@link SessionWindowTimeGapExtractor}. */
public class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;

  protected final SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

  protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    this.sessionWindowTimeGapExtractor = Objects.requireNonNull(extractor, "the gap extractor");
  }

  public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicProcessingTimeSessionWindows<>(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    long gap = sessionWindowTimeGapExtractor.extract(element);
    if (gap <= 0) {
      throw new IllegalArgumentException("DynamicProcessingTimeSessionWindows: the session gap must be positive, got "
          + gap + " ms for " + element);
    }
    long t = context.getCurrentProcessingTime();
    return List.of(new TimeWindow(t, t + gap));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Trigger<T, TimeWindow> getDefaultTrigger() {
    return (Trigger<T, TimeWindow>) (Trigger<?, TimeWindow>) ProcessingTimeTrigger.create();
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
    return false;
  }

  @Override
  public String toString() {
    return "DynamicProcessingTimeSessionWindows()";
  }
}
