/**
 * Process functions: per-element logic with access to timestamps, clocks, side outputs and — on
 * keyed streams — the current key, keyed state and timers. Called on the subtask's thread only.
 */
package dev.sluice.streaming.api.functions;
