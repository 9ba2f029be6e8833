package dev.sluice.streaming.api.windowing.assigners;

import java.io.Serializable;

/** The session gap (in milliseconds) that follows an element, for dynamic session windows. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
  long extract(T element);
}
