/**
 * Serializers of the basic types (boxed primitives, {@code String}, {@code Void}, big numbers,
 * {@code java.time} values), enums, object arrays ({@link
 * dev.sluice.api.common.typeutils.base.GenericArraySerializer}) and the collections {@code
 * List}, {@code Set} and {@code Map}; primitive arrays are in {@code base.array}.
 *
 * <p><b>Null values.</b> A serializer's top-level value must not be null (state never stores
 * null: a cleared value is absent), with two exceptions: {@link
 * dev.sluice.api.common.typeutils.base.StringSerializer} writes its own null flag, and {@link
 * dev.sluice.api.common.typeutils.base.VoidSerializer}'s only value is null. Inside composites
 * every value may be null: fields of POJOs, records and tuples, elements of lists, sets and
 * arrays, and map keys and values are each written behind a null flag ({@link
 * dev.sluice.api.common.typeutils.NullFlags}).
 *
 * <p>Basic types and enums are immutable ({@code copy} returns the value); collections and
 * arrays are copied element by element.
 */
package dev.sluice.api.common.typeutils.base;
