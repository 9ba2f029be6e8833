package dev.sluice.streams.kstream;

/** Merges the aggregates of two sessions that a record joined into one. */
@FunctionalInterface
public interface Merger<K, V> {
  V apply(K aggKey, V aggOne, V aggTwo);
}
