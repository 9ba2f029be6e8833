package dev.sluice.streams.kstream;

/** Combines the aggregate so far with a new value (or, as a subtractor, removes one). */
@FunctionalInterface
public interface Reducer<V> {
  V apply(V value1, V value2);
}
