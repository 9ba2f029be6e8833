package dev.sluice.api.common.functions;

import dev.sluice.util.Collector;

/** Joins a pair of elements into zero or more results. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
  void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
