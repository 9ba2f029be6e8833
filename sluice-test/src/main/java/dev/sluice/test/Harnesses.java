package dev.sluice.test;

import dev.sluice.api.common.functions.FilterFunction;
import dev.sluice.api.common.functions.FlatMapFunction;
import dev.sluice.api.common.functions.MapFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.operators.KeyedProcessOperator;
import dev.sluice.runtime.operators.ProcessOperator;
import dev.sluice.runtime.operators.StreamFilter;
import dev.sluice.runtime.operators.StreamFlatMap;
import dev.sluice.runtime.operators.StreamGroupedReduce;
import dev.sluice.runtime.operators.StreamMap;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.streaming.api.functions.ProcessFunction;

/**
 * Opened harnesses around one user function, using the same operators as the DataStream API (and
 * the same operator names: "Map", "Flat Map", "Filter", "Process", "KeyedProcess", "Keyed
 * Reduce"). A rich function is opened here, so its {@code open} has run when the factory returns;
 * {@code close()} the harness (try-with-resources) to run its {@code close}. The function instance
 * is used as given, not copied.
 */
public final class Harnesses {
  private Harnesses() {}

  /** A harness for {@code DataStream.map(mapper)}. */
  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> forMap(MapFunction<IN, OUT> mapper)
      throws Exception {
    return new OneInputOperatorHarness<>(new StreamMap<>(mapper), "Map").open();
  }

  /** A harness for {@code DataStream.flatMap(flatMapper)}; results keep the input's timestamp. */
  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> forFlatMap(
      FlatMapFunction<IN, OUT> flatMapper) throws Exception {
    return new OneInputOperatorHarness<>(new StreamFlatMap<>(flatMapper), "Flat Map").open();
  }

  /** A harness for {@code DataStream.filter(filter)}. */
  public static <T> OneInputOperatorHarness<T, T> forFilter(FilterFunction<T> filter)
      throws Exception {
    return new OneInputOperatorHarness<>(new StreamFilter<>(filter), "Filter").open();
  }

  /** A harness for {@code DataStream.process(function)}, side outputs included. */
  public static <IN, OUT> OneInputOperatorHarness<IN, OUT> forProcess(
      ProcessFunction<IN, OUT> function) throws Exception {
    return new OneInputOperatorHarness<>(new ProcessOperator<>(function), "Process").open();
  }

  /** A harness for {@code keyBy(keySelector).process(function)}. */
  public static <K, IN, OUT> KeyedOneInputOperatorHarness<K, IN, OUT> forKeyedProcess(
      KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector) throws Exception {
    return new KeyedOneInputOperatorHarness<>(new KeyedProcessOperator<>(function), keySelector,
        "KeyedProcess").open();
  }

  /** A harness for {@code keyBy(keySelector).reduce(reducer)}: a running reduce per key. */
  public static <K, T> KeyedOneInputOperatorHarness<K, T, T> forKeyedReduce(
      ReduceFunction<T> reducer, KeySelector<T, K> keySelector) throws Exception {
    return new KeyedOneInputOperatorHarness<>(new StreamGroupedReduce<>(reducer), keySelector,
        "Keyed Reduce").open();
  }
}
