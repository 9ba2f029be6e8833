package dev.sluice.runtime.elements;

/** Separates the records before checkpoint {@code id} from those after it. */
public record CheckpointBarrier(long id, long timestamp) implements Control {}
