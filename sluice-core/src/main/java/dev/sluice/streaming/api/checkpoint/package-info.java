/** Hooks for user functions that keep operator state: {@link dev.sluice.streaming.api.checkpoint.CheckpointedFunction}. */
package dev.sluice.streaming.api.checkpoint;
