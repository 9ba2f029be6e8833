package dev.sluice.streaming.api.windowing.evictors;

import dev.sluice.streaming.api.windowing.windows.Window;
import java.util.Iterator;

/** Keeps at most the last {@code maxCount} elements of a window (drops the oldest ones). */
public class CountEvictor<W extends Window> implements Evictor<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final boolean doEvictAfter;

  private CountEvictor(long maxCount, boolean doEvictAfter) {
    this.maxCount = maxCount;
    this.doEvictAfter = doEvictAfter;
  }

  /** Evicts before the window function runs. */
  public static <W extends Window> CountEvictor<W> of(long maxCount) {
    return of(maxCount, false);
  }

  public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("CountEvictor: the count must be positive, got " + maxCount);
    }
    return new CountEvictor<>(maxCount, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements, size);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements, size);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
    long toRemove = size - maxCount;
    Iterator<TimestampedValue<Object>> it = elements.iterator();
    while (toRemove > 0 && it.hasNext()) {
      it.next();
      it.remove();
      toRemove--;
    }
  }

  @Override
  public String toString() {
    return "CountEvictor(" + maxCount + ")";
  }
}
