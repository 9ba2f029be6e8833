/**
 * Fixed-arity tuples ({@code Tuple0} to {@code Tuple10}): small mutable records with public
 * positional fields {@code f0, f1, ...}. They are the element type of choice for quick jobs:
 * positional keys and aggregations ({@code keyBy(0)}, {@code sum(1)}) address their fields, and
 * their value-based, deterministic {@code equals}/{@code hashCode} make them usable as keys.
 */
package dev.sluice.api.java.tuple;
