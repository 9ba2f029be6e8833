package dev.sluice.streams.state;

/** The type name of a session store, for {@code Materialized} of session aggregations (no store object exists). */
public interface SessionStore<K, V> extends StateStore {}
