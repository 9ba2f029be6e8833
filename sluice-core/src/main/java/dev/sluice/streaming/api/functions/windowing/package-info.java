/**
 * Window functions: what is computed when a window fires.
 *
 * <p>{@link dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction} sees the key, the
 * window, time, per-window and per-key state and side outputs; {@link
 * dev.sluice.streaming.api.functions.windowing.WindowFunction} is the simpler older form, and the
 * {@code All} variants serve {@code windowAll}. Combined with an incremental {@code reduce} or
 * {@code aggregate}, a window function receives the single pre-aggregated value. Results carry the
 * window's {@code maxTimestamp()} as timestamp. Per-window state must be deleted in {@code clear},
 * which runs when the window is cleaned up.
 */
package dev.sluice.streaming.api.functions.windowing;
