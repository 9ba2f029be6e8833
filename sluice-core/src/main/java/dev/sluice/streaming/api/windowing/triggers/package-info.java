/**
 * Triggers: when a window is evaluated and when its contents are dropped.
 *
 * <p>A trigger is called for every element added to a window and for every timer it registered;
 * its timers and state are scoped to the current key and window and are deleted by {@code clear}
 * when the window is cleaned up. The result of each call says whether to fire (evaluate the
 * window function on the contents) and whether to purge (drop the contents; the window itself
 * lives on until its cleanup time). Triggers that support session windows implement {@code
 * onMerge}, re-registering their timers and merging their state into the merged window.
 */
package dev.sluice.streaming.api.windowing.triggers;
