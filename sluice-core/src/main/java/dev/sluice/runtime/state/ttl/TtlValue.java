package dev.sluice.runtime.state.ttl;

/** A state value with the processing time it was last written (or read, per the TTL config). */
public record TtlValue<T>(T value, long lastAccess) {}
