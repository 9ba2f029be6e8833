package dev.sluice.api.common.functions;

/**
 * Combines two values of the same type into one. On a keyed stream {@code value1} is the current
 * accumulated value of the key and {@code value2} the new element. The result is emitted downstream
 * and kept as the new accumulated value, so an implementation should return a new object (or one
 * of its inputs) rather than mutate an object it has already returned.
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
  T reduce(T value1, T value2) throws Exception;
}
