package dev.sluice.runtime.time;

/** A keyed timer: fires at {@code timestamp} for {@code key} in {@code namespace}. */
public record InternalTimer<N>(long timestamp, Object key, N namespace) {}
