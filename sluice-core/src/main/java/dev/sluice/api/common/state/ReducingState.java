package dev.sluice.api.common.state;

/** A value per key that every added element is reduced into. */
public interface ReducingState<T> extends MergingState<T, T> {}
