package dev.sluice.api.common.functions;

/**
 * An aggregation with an accumulator: {@code createAccumulator}, then {@code add} per element,
 * {@code getResult} when a result is needed, and {@code merge} when two accumulators must become
 * one (merging session windows). {@code add} and {@code merge} may return the accumulator they
 * were given, changed in place.
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
  ACC createAccumulator();

  ACC add(IN value, ACC accumulator);

  OUT getResult(ACC accumulator);

  ACC merge(ACC a, ACC b);
}
