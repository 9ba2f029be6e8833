/**
 * Operators with two inputs: the functions of connected streams, keyed or not.
 *
 * <p>A keyed two-input operator gets its current key set by the subtask before each element of a
 * keyed input; both inputs share keyed state and timers, and its watermark is the minimum over
 * both inputs. The interval join keeps each side's elements in keyed map state (timestamp →
 * elements) and removes them with event-time timers once the watermark makes further matches
 * impossible. The broadcast operators keep broadcast state per instance (operator state); their
 * second input arrives over a broadcast edge and carries no key.
 */
package dev.sluice.runtime.operators.co;
