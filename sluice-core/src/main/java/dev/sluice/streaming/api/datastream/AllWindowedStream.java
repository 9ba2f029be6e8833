package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.operators.windowing.WindowFunctions;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.functions.windowing.AllWindowFunction;
import dev.sluice.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.evictors.Evictor;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.OutputTag;
import java.time.Duration;

/**
 * A non-keyed stream grouped into windows ({@code windowAll}). Not parallel: all elements go to
 * one subtask (the operator runs with parallelism 1), as in Flink.
 */
public class AllWindowedStream<T, W extends Window> {
  private final WindowedStream<T, Byte, W> windowed;

  public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
    this.windowed = new WindowedStream<>(input.keyBy(new AllKey<>()), windowAssigner);
  }

  /** The constant key of {@code windowAll}. */
  static final class AllKey<T> implements KeySelector<T, Byte> {
    private static final long serialVersionUID = 1L;

    @Override
    public Byte getKey(T value) {
      return 0;
    }
  }

  public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
    windowed.trigger(trigger);
    return this;
  }

  public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
    windowed.evictor(evictor);
    return this;
  }

  public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
    windowed.allowedLateness(lateness);
    return this;
  }

  public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
    windowed.sideOutputLateData(outputTag);
    return this;
  }

  private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> s) {
    return s.setParallelism(1);
  }

  private static <R> SingleOutputStreamOperator<R> single(SingleOutputStreamOperator<R> s,
      dev.sluice.api.common.typeinfo.TypeInformation<R> type) {
    if (type != null) {
      s.returns(type);
    }
    return s.setParallelism(1);
  }

  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
    return single(windowed.reduce(function));
  }

  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
      AllWindowFunction<T, R, W> function) {
    return single(windowed.reduce(reduceFunction, new WindowFunctions.OfAllWindowFunction<T, R, Byte, W>(function)), TypeExtractor.outputType(function, AllWindowFunction.class, 1));
  }

  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
      ProcessAllWindowFunction<T, R, W> function) {
    return single(windowed.reduce(reduceFunction,
        new WindowFunctions.OfProcessAllWindowFunction<T, R, Byte, W>(function)), TypeExtractor.outputType(function, ProcessAllWindowFunction.class, 1));
  }

  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
    return single(windowed.aggregate(function));
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
      AllWindowFunction<V, R, W> windowFunction) {
    return single(windowed.aggregate(aggFunction,
        new WindowFunctions.OfAllWindowFunction<V, R, Byte, W>(windowFunction)), TypeExtractor.outputType(windowFunction, AllWindowFunction.class, 1));
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
      ProcessAllWindowFunction<V, R, W> windowFunction) {
    return single(windowed.aggregate(aggFunction,
        new WindowFunctions.OfProcessAllWindowFunction<V, R, Byte, W>(windowFunction)), TypeExtractor.outputType(windowFunction, ProcessAllWindowFunction.class, 1));
  }

  public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
    return single(windowed.process(new WindowFunctions.OfAllWindowFunction<T, R, Byte, W>(function)), TypeExtractor.outputType(function, AllWindowFunction.class, 1));
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
    return single(windowed.process(new WindowFunctions.OfProcessAllWindowFunction<T, R, Byte, W>(function)), TypeExtractor.outputType(function, ProcessAllWindowFunction.class, 1));
  }

  public SingleOutputStreamOperator<T> sum(int positionToSum) {
    return single(windowed.sum(positionToSum));
  }

  public SingleOutputStreamOperator<T> sum(String field) {
    return single(windowed.sum(field));
  }

  public SingleOutputStreamOperator<T> min(int positionToMin) {
    return single(windowed.min(positionToMin));
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return single(windowed.min(field));
  }

  public SingleOutputStreamOperator<T> max(int positionToMax) {
    return single(windowed.max(positionToMax));
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return single(windowed.max(field));
  }

  public SingleOutputStreamOperator<T> minBy(int position) {
    return single(windowed.minBy(position));
  }

  public SingleOutputStreamOperator<T> minBy(String field) {
    return single(windowed.minBy(field));
  }

  public SingleOutputStreamOperator<T> maxBy(int position) {
    return single(windowed.maxBy(position));
  }

  public SingleOutputStreamOperator<T> maxBy(String field) {
    return single(windowed.maxBy(field));
  }
}
