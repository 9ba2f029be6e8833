package dev.sluice.streams.internals;

/** A value to add to ({@code adding}) or subtract from the group {@code key} of a re-grouped table. */
public record Delta<K, V>(K key, V value, boolean adding) {}
