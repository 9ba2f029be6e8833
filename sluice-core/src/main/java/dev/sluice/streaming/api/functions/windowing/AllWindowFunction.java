package dev.sluice.streaming.api.functions.windowing;

import dev.sluice.api.common.functions.Function;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;

/** Evaluates a window of a non-keyed ({@code windowAll}) stream. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
  void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
