/**
 * Serializers of primitive arrays ({@code byte[]}, {@code int[]}, ...): the length, then the
 * elements in big-endian order. Arrays are mutable, so {@code copy} clones them. Like all
 * top-level values, the array itself must not be null; composites that hold arrays write a null
 * flag for them (see {@link dev.sluice.api.common.typeutils.base}).
 */
package dev.sluice.api.common.typeutils.base.array;
