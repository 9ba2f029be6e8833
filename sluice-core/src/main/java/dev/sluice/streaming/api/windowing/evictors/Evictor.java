package dev.sluice.streaming.api.windowing.evictors;

import dev.sluice.streaming.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window's contents before and/or after the window function runs (remove
 * through the iterator of {@code elements}).
 */
public interface Evictor<T, W extends Window> extends Serializable {
  void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

  void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

  /** What an evictor may ask of the runtime. */
  interface EvictorContext {
    long getCurrentProcessingTime();

    long getCurrentWatermark();
  }
}
