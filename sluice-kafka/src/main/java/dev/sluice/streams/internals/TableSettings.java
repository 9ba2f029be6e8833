package dev.sluice.streams.internals;

/**
 * How a table operator emits its updates: at once, or (caching) coalesced per key and emitted at
 * the next commit — every {@code commitIntervalMs} of processing time and before every checkpoint
 * barrier — or when the cache holds more than {@code maxEntries} keys (the least recently updated
 * key is emitted then).
 */
public record TableSettings(boolean caching, long commitIntervalMs, int maxEntries) {
  /** Bytes a cache entry is assumed to take when {@code statestore.cache.max.bytes} is turned into a number of keys. */
  public static final int ENTRY_BYTES_ESTIMATE = 128;
}
