package dev.sluice.streaming.api.windowing.windows;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The time interval {@code [start, end)}: {@code start} inclusive, {@code end} exclusive. */
public final class TimeWindow extends Window implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long start;
  private final long end;

  public TimeWindow(long start, long end) {
    this.start = start;
    this.end = end;
  }

  public long getStart() {
    return start;
  }

  public long getEnd() {
    return end;
  }

  /** {@code end - 1}: the last millisecond inside the window. */
  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /** Whether the two windows overlap or touch (so that session windows merge). */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && other.start <= end;
  }

  /** The smallest window that contains both. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of size {@code windowSize} (aligned to {@code offset}) that contains
   * {@code timestamp}; correct for negative timestamps too.
   */
  public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
    return timestamp - Math.floorMod(timestamp - offset, windowSize);
  }

  /**
   * Groups windows that intersect (transitively) and reports every group of more than one window
   * with the window covering it.
   */
  public static void mergeWindows(Collection<TimeWindow> windows,
      dev.sluice.streaming.api.windowing.assigners.MergingWindowAssigner.MergeCallback<TimeWindow> c) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort((a, b) -> Long.compare(a.start, b.start));
    List<TimeWindow> group = new ArrayList<>();
    TimeWindow cover = null;
    for (TimeWindow w : sorted) {
      if (cover != null && cover.intersects(w)) {
        cover = cover.cover(w);
        group.add(w);
      } else {
        if (group.size() > 1) {
          c.merge(group, cover);
        }
        group = new ArrayList<>();
        group.add(w);
        cover = w;
      }
    }
    if (group.size() > 1) {
      c.merge(group, cover);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindow w && w.start == start && w.end == end;
  }

  @Override
  public int hashCode() {
    long h = start * 31 + end;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public String toString() {
    return "TimeWindow{start=" + start + ", end=" + end + "}";
  }
}
