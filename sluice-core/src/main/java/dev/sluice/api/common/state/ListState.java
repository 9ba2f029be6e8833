package dev.sluice.api.common.state;

import java.util.List;

/** A list per key. {@link #get()} returns an empty iterable (never null) when there is nothing. */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
  /** Replaces the list. */
  void update(List<T> values) throws Exception;

  void addAll(List<T> values) throws Exception;
}
