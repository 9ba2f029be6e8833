package dev.sluice.api.java.functions;

import dev.sluice.api.common.functions.Function;

/**
 * Extracts the key of an element for {@code keyBy}. Must be deterministic: the same element always
 * yields an equal key with an equal {@code hashCode}, on every call and in every JVM run (so enums
 * and strings are fine, identity hash codes are not).
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
  KEY getKey(IN value) throws Exception;
}
