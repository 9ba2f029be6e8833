package dev.sluice.streaming.api.windowing.evictors;

import dev.sluice.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements whose timestamp is within {@code windowSize} of the newest element's: removes
 * those with {@code timestamp <= max - windowSize}. Does nothing when elements have no timestamps.
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long windowSize;
  private final boolean doEvictAfter;

  private TimeEvictor(long windowSize, boolean doEvictAfter) {
    this.windowSize = windowSize;
    this.doEvictAfter = doEvictAfter;
  }

  public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
    return of(windowSize, false);
  }

  public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
    long ms = windowSize.toMillis();
    if (ms < 0) {
      throw new IllegalArgumentException("TimeEvictor: the size must not be negative, got " + ms + " ms");
    }
    return new TimeEvictor<>(ms, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements) {
    Iterator<TimestampedValue<Object>> first = elements.iterator();
    if (!first.hasNext() || !first.next().hasTimestamp()) {
      return;
    }
    long max = Long.MIN_VALUE;
    for (TimestampedValue<Object> v : elements) {
      max = Math.max(max, v.getTimestamp());
    }
    long cutoff = max - windowSize;
    for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
      if (it.next().getTimestamp() <= cutoff) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "TimeEvictor(" + windowSize + ")";
  }
}
