package dev.sluice.api.common.state;

/** An accumulator per key that every added element is aggregated into. */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
