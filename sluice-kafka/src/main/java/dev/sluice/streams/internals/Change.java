package dev.sluice.streams.internals;

/**
 * An update of a table: the key, the new value (null: deleted) and the value it replaces (null:
 * there was none). Tables travel between operators as streams of changes.
 */
public record Change<K, V>(K key, V newValue, V oldValue) {}
