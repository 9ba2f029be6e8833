package dev.sluice.api.common.state;

/** Appending state whose contents for two windows can be merged into one (session windows). */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
