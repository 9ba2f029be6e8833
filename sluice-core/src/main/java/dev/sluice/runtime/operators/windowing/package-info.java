/**
 * The window operators.
 *
 * <p>{@link dev.sluice.runtime.operators.windowing.WindowOperator} is the general one: the contents
 * of each (key, window) live in namespaced heap state (a list, or an incremental reduce or
 * aggregate), the trigger's timers are keyed timers with the window as namespace, and session
 * windows merge by merging state namespaces ({@code mergeNamespaces}) and trigger state, after
 * which the merged windows' timers are deleted. Invariants: a window's state exists from its first
 * element until its cleanup time ({@code maxTimestamp + allowedLateness} in event time,
 * {@code maxTimestamp} in processing time), when contents, trigger state and per-window function
 * state are cleared; an element is dropped as late only when every window it belongs to is past its
 * cleanup time (then it goes to the late side output if one is set, and the counter
 * {@code numLateRecordsDropped} counts it); results carry the window's {@code maxTimestamp()}.
 *
 * <p>{@link dev.sluice.runtime.operators.windowing.SlicingWindowOperator} computes tumbling and
 * sliding windows, in event or processing time, with an incremental reduce or aggregate (optionally
 * followed by a window function that does not override {@code clear}), the default trigger and no
 * evictor from per-key slices of length {@code gcd(size, slide)}: an element costs one update of
 * one slice however many windows contain it; when the watermark or the clock passes a window's end
 * its slices are combined. A slice is dropped when the last window containing it is past its
 * cleanup time. Both operators produce the same results (checked against reference models by
 * property tests, in event time and on a manual clock), and in processing time neither fires a
 * window twice: an element arriving at or before the last window end fired counts as arriving just
 * after it.
 */
package dev.sluice.runtime.operators.windowing;
