package dev.sluice.api.common.functions;

import dev.sluice.util.Collector;

/** Transforms one element into zero, one or more elements, emitted through the collector. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
  void flatMap(T value, Collector<O> out) throws Exception;
}
