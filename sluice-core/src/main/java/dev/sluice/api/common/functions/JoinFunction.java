package dev.sluice.api.common.functions;

/** Joins a pair of elements, one from each input, that have the same key in the same window. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
  OUT join(IN1 first, IN2 second) throws Exception;
}
