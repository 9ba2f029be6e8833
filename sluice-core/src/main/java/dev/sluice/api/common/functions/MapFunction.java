package dev.sluice.api.common.functions;

/** Transforms one element into exactly one element. Called on the subtask's thread, one element at a time. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
  O map(T value) throws Exception;
}
