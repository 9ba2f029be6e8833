/**
 * Keyed state as functions see it: value, list, map, reducing and aggregating state, named by
 * descriptors. Every access is scoped to the key of the element or timer being processed; two
 * descriptors with the same name on one operator are the same state.
 */
package dev.sluice.api.common.state;
