/**
 * Window assigners: which windows an element belongs to.
 *
 * <p>Event-time assigners use the element's timestamp (which must exist), processing-time
 * assigners the job's clock at the time the element arrives. Tumbling and sliding windows are
 * aligned to the epoch plus an optional offset ({@code start = t - floorMod(t - offset, slide)}),
 * so all keys and subtasks share the same window boundaries. Session assigners are {@link
 * dev.sluice.streaming.api.windowing.assigners.MergingWindowAssigner}s: each element opens
 * {@code [t, t + gap)}, and windows that overlap or touch merge. Sizes, slides and gaps are checked
 * when the program is built: they must be positive, a slide must not exceed the size and
 * {@code |offset|} must be smaller than the slide (the size for tumbling windows).
 */
package dev.sluice.streaming.api.windowing.assigners;
