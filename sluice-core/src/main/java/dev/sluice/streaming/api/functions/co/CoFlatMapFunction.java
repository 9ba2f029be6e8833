package dev.sluice.streaming.api.functions.co;

import dev.sluice.api.common.functions.Function;
import dev.sluice.util.Collector;

/** Flat-maps the elements of two connected streams, each with its own method. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
  void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

  void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
