/**
 * Serializers of the composite types: {@link
 * dev.sluice.api.java.typeutils.runtime.PojoSerializer} (POJOs), {@link
 * dev.sluice.api.java.typeutils.runtime.RecordSerializer} (records) and {@link
 * dev.sluice.api.java.typeutils.runtime.TupleSerializer} (tuples). Every field is written behind
 * a null flag, so fields may be null. Fields are reached through method handles resolved once
 * per serializer (and again after the serializer itself was Java-serialized), never through
 * per-call reflection.
 *
 * <p>POJO and record snapshots store the class name and each field's name with its serializer's
 * snapshot; the class is looked up by name on restore, so data written by an older version of
 * the class can be read into the current one: fields it gained are empty, fields it lost are
 * dropped, and a field that changed type makes the state incompatible, naming the field and
 * both types.
 */
package dev.sluice.api.java.typeutils.runtime;
