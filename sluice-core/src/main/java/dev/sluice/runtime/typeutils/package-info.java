/**
 * Runtime support for types (internal, not API): deriving type information by reflection
 * ({@link dev.sluice.runtime.typeutils.TypeExtractor}), reading and "updating" a field of an
 * element without mutating it ({@link dev.sluice.runtime.typeutils.FieldAccessors}), and the
 * built-in keyed aggregations built on those accessors
 * ({@link dev.sluice.runtime.typeutils.Aggregations}).
 */
package dev.sluice.runtime.typeutils;
