package dev.sluice.api.common.functions;

import dev.sluice.util.Collector;

/**
 * Gets, per key and window, all elements of the first input and all of the second (either may be
 * empty, not both), and emits any results.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {
  void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
