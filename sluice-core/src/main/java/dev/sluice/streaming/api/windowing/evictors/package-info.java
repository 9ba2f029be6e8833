/**
 * Evictors: remove elements from a window's buffered contents before and/or after the window
 * function runs. A window with an evictor keeps every element (with its timestamp, as a {@link
 * dev.sluice.streaming.api.windowing.evictors.TimestampedValue}) instead of an incremental
 * aggregate, since any element may be removed; eviction changes the stored contents, so later
 * firings of the same window see only what was kept.
 */
package dev.sluice.streaming.api.windowing.evictors;
