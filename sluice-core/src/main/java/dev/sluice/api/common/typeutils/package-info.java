/**
 * Serializers for state and checkpoints: {@link dev.sluice.api.common.typeutils.TypeSerializer},
 * chosen from a declared type by {@link
 * dev.sluice.api.common.typeinfo.TypeInformation#createSerializer} (or registered with {@link
 * dev.sluice.api.common.ExecutionConfig#registerTypeSerializer}, or given to a state descriptor),
 * and {@link dev.sluice.api.common.typeutils.TypeSerializerSnapshot}, the description of a
 * serializer's format that checkpoints store so that a later version of a job can read older
 * data. Composite serializers nest their children's snapshots ({@link
 * dev.sluice.api.common.typeutils.CompositeTypeSerializerSnapshot}) and write nullable children
 * behind a flag ({@link dev.sluice.api.common.typeutils.NullFlags}).
 *
 * <p>Every type is encoded by a serializer made for it; there is no fallback to Java
 * serialization or reflective field copying.
 */
package dev.sluice.api.common.typeutils;
