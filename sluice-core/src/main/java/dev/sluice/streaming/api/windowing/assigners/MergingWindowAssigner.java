package dev.sluice.streaming.api.windowing.assigners;

import dev.sluice.streaming.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows can grow together (sessions). */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
  private static final long serialVersionUID = 1L;

  /** Reports through {@code callback} each group of {@code windows} that becomes one window. */
  public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /**
   * True when this assigner produces {@code TimeWindow}s and merges exactly those that intersect
   * (touching included) into their cover, as {@code TimeWindow.mergeWindows} does. The window
   * operator then merges a new window into a key's single session without the general merge.
   */
  public boolean mergesIntersectingTimeWindows() {
    return false;
  }

  /** Receives one merge: {@code toBeMerged} become {@code mergeResult}. */
  public interface MergeCallback<W> {
    void merge(Collection<W> toBeMerged, W mergeResult);
  }
}
