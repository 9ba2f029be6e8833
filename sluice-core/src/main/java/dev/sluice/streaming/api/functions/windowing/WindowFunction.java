package dev.sluice.streaming.api.functions.windowing;

import dev.sluice.api.common.functions.Function;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;

/** Evaluates a window of a keyed stream (the older, simpler form of {@link ProcessWindowFunction}). */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
  void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
