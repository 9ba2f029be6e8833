package dev.sluice.streams.kstream;

/** Joins the values of two matching records into the value of the result. */
@FunctionalInterface
public interface ValueJoiner<V1, V2, VR> {
  VR apply(V1 value1, V2 value2);
}
