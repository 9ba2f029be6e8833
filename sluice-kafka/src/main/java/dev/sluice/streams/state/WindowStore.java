package dev.sluice.streams.state;

/** The type name of a window store, for {@code Materialized} of windowed aggregations (no store object exists). */
public interface WindowStore<K, V> extends StateStore {}
