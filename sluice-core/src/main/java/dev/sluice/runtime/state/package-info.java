/**
 * Keyed state of a subtask, stored per key group.
 *
 * <p>The runtime sets the current key before it hands an element to a keyed operator; state
 * objects then read and write the value of that key. Values live in one hash table per key group
 * the subtask owns, so that a snapshot can be written, and later moved to another subtask, key
 * group by key group. Everything here is used by the subtask's thread only.
 */
package dev.sluice.runtime.state;
