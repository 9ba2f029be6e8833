package dev.sluice.streams.state;

/**
 * The type name of a key-value store, for {@code Materialized.<K, V, KeyValueStore<Bytes,
 * byte[]>>as("name")}. Sluice has no store object behind it: the state is the engine's keyed
 * state.
 */
public interface KeyValueStore<K, V> extends StateStore {}
