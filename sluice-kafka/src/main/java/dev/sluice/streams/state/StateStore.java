package dev.sluice.streams.state;

/**
 * A state store, as a type name. Sluice keeps DSL state in the engine's keyed state (checkpointed),
 * so stores exist only to name the type parameter of {@code Materialized}; there are no
 * interactive queries yet.
 */
public interface StateStore {}
