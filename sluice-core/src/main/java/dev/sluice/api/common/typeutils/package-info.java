/**
 * Serializers for state and checkpoints: {@link dev.sluice.api.common.typeutils.TypeSerializer},
 * chosen from a declared type by {@link
 * dev.sluice.api.common.typeinfo.TypeInformation#createSerializer}, and {@link
 * dev.sluice.api.common.typeutils.TypeSerializerSnapshot}, the description of a serializer's
 * format that checkpoints store so that a later version of a job can read older data.
 */
package dev.sluice.api.common.typeutils;
