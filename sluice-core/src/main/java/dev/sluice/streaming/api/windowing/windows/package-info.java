/**
 * Windows: the groups a windowed stream evaluates together.
 *
 * <p>A {@link dev.sluice.streaming.api.windowing.windows.TimeWindow} is the half-open interval
 * {@code [start, end)}; its {@code maxTimestamp()} is {@code end - 1}, the event time at which an
 * event-time window is complete and the timestamp its results carry. Windows are immutable values
 * (equal by start and end), so they can serve as state namespaces and timer namespaces. {@link
 * dev.sluice.streaming.api.windowing.windows.GlobalWindow} is a singleton that never ends; only a
 * custom or count trigger fires it.
 */
package dev.sluice.streaming.api.windowing.windows;
