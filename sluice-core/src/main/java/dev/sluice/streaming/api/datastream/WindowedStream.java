package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.functions.RichFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.runtime.graph.OperatorFactory;
import dev.sluice.runtime.graph.Operators;
import dev.sluice.runtime.operators.windowing.SlicingWindowOperator;
import dev.sluice.runtime.operators.windowing.WindowFunctions;
import dev.sluice.runtime.operators.windowing.WindowOperator;
import dev.sluice.runtime.typeutils.Aggregations;
import dev.sluice.runtime.typeutils.FieldAccessor;
import dev.sluice.runtime.typeutils.FieldAccessors;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.functions.windowing.WindowFunction;
import dev.sluice.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.evictors.Evictor;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.OutputTag;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A keyed stream grouped into windows: configure the trigger, evictor, allowed lateness and late
 * side output, then say what each window computes.
 */
public class WindowedStream<T, K, W extends Window> {
  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> windowAssigner;
  private Trigger<? super T, ? super W> trigger;
  private Evictor<? super T, ? super W> evictor;
  private long allowedLateness;
  private OutputTag<T> lateDataOutputTag;

  public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
    if (windowAssigner == null) {
      throw new NullPointerException("The window assigner must not be null");
    }
    this.input = input;
    this.windowAssigner = windowAssigner;
  }

  /** Sets the trigger that decides when windows fire (replacing the assigner's default). */
  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    if (trigger == null) {
      throw new NullPointerException("The trigger must not be null");
    }
    this.trigger = trigger;
    return this;
  }

  /** Sets an evictor; the window then keeps all its elements until it fires. */
  public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    if (evictor == null) {
      throw new NullPointerException("The evictor must not be null");
    }
    this.evictor = evictor;
    return this;
  }

  /**
   * How long after the watermark passed a window's end elements may still arrive and update it
   * (firing it again); later elements are dropped. Default 0. Event-time windows only.
   */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    if (lateness == null) {
      throw new NullPointerException("The allowed lateness must not be null");
    }
    long ms = lateness.toMillis();
    if (ms < 0) {
      throw new IllegalArgumentException("The allowed lateness must not be negative, got " + ms + " ms");
    }
    this.allowedLateness = ms;
    return this;
  }

  /** Sends elements dropped as late to the side output {@code outputTag} instead of discarding them. */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
    if (outputTag == null) {
      throw new NullPointerException("The side output tag must not be null");
    }
    this.lateDataOutputTag = outputTag;
    return this;
  }

  // ------------------------------------------------------------------ reduce

  /** Each window's elements reduced to one, incrementally. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
    checkNotRich(function, "reduce");
    return build("Reduce", input.getType(), function, null,
        new WindowFunctions.PassThrough<T, K, W>(true), true);
  }

  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
      WindowFunction<T, R, K, W> function) {
    checkNotRich(reduceFunction, "reduce");
    return build("Reduce", TypeExtractor.outputType(function, WindowFunction.class, 1), reduceFunction,
        null, new WindowFunctions.OfWindowFunction<>(function), false);
  }

  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
      ProcessWindowFunction<T, R, K, W> function) {
    checkNotRich(reduceFunction, "reduce");
    return build("Reduce", TypeExtractor.outputType(function, ProcessWindowFunction.class, 1),
        reduceFunction, null, function, false);
  }

  // ------------------------------------------------------------------ aggregate

  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
    checkNotRich(function, "aggregate");
    return build("Aggregate", TypeExtractor.outputType(function, AggregateFunction.class, 2), null,
        function, new WindowFunctions.PassThrough<R, K, W>(false), true);
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
      WindowFunction<V, R, K, W> windowFunction) {
    checkNotRich(aggFunction, "aggregate");
    return build("Aggregate", TypeExtractor.outputType(windowFunction, WindowFunction.class, 1), null,
        aggFunction, new WindowFunctions.OfWindowFunction<>(windowFunction), false);
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
      ProcessWindowFunction<V, R, K, W> windowFunction) {
    checkNotRich(aggFunction, "aggregate");
    return build("Aggregate", TypeExtractor.outputType(windowFunction, ProcessWindowFunction.class, 1),
        null, aggFunction, windowFunction, false);
  }

  // ------------------------------------------------------------------ whole windows

  public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
    return build("Apply", TypeExtractor.outputType(function, WindowFunction.class, 1), null, null,
        new WindowFunctions.OfWindowFunction<>(function), false);
  }

  public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
    return build("Process", TypeExtractor.outputType(function, ProcessWindowFunction.class, 1), null,
        null, function, false);
  }

  // ------------------------------------------------------------------ built-in aggregations

  public SingleOutputStreamOperator<T> sum(int positionToSum) {
    return reduce(Aggregations.sum(field(positionToSum)));
  }

  public SingleOutputStreamOperator<T> sum(String field) {
    return reduce(Aggregations.sum(field(field)));
  }

  public SingleOutputStreamOperator<T> min(int positionToMin) {
    return reduce(Aggregations.min(field(positionToMin)));
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return reduce(Aggregations.min(field(field)));
  }

  public SingleOutputStreamOperator<T> max(int positionToMax) {
    return reduce(Aggregations.max(field(positionToMax)));
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return reduce(Aggregations.max(field(field)));
  }

  public SingleOutputStreamOperator<T> minBy(int position) {
    return reduce(Aggregations.minBy(field(position)));
  }

  public SingleOutputStreamOperator<T> minBy(String field) {
    return reduce(Aggregations.minBy(field(field)));
  }

  public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
    return reduce(Aggregations.minBy(field(position), first));
  }

  public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
    return reduce(Aggregations.minBy(field(field), first));
  }

  public SingleOutputStreamOperator<T> maxBy(int position) {
    return reduce(Aggregations.maxBy(field(position)));
  }

  public SingleOutputStreamOperator<T> maxBy(String field) {
    return reduce(Aggregations.maxBy(field(field)));
  }

  public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
    return reduce(Aggregations.maxBy(field(position), first));
  }

  public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
    return reduce(Aggregations.maxBy(field(field), first));
  }

  private FieldAccessor<T> field(int position) {
    return FieldAccessors.forPosition(input.getType(), position);
  }

  private FieldAccessor<T> field(String expression) {
    return FieldAccessors.forExpression(input.getType(), expression);
  }

  // ------------------------------------------------------------------ building

  private static void checkNotRich(Object function, String method) {
    if (function == null) {
      throw new NullPointerException("The " + method + " function must not be null");
    }
    if (function instanceof RichFunction) {
      throw new UnsupportedOperationException("The function of a window " + method + " cannot be a "
          + "RichFunction; use " + method + "(function, ProcessWindowFunction) and put the rich "
          + "logic into the window function");
    }
  }

  WindowAssigner<? super T, W> assigner() {
    return windowAssigner;
  }

  /**
   * Whether the slicing operator computes these windows: tumbling or sliding windows of the
   * built-in assigners (event or processing time), the default trigger, no evictor, an incremental
   * reduce or aggregate, and either no window function ({@code passThrough}) or one that does not
   * clear per-window state (the slicing operator has no per-window cleanup).
   */
  static boolean sliceable(WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger, Evictor<?, ?> evictor,
      boolean incremental, ProcessWindowFunction<?, ?, ?, ?> function, boolean passThrough) {
    return sliceShape(assigner) != null && trigger == null && evictor == null && incremental
        && (passThrough || !WindowFunctions.clearsWindowState(function));
  }

  /**
   * {size, slide, offset} of the built-in tumbling and sliding assigners, in event or processing
   * time; null for any other assigner (subclasses included: they may assign differently).
   */
  private static long[] sliceShape(WindowAssigner<?, ?> assigner) {
    Class<?> kind = assigner.getClass();
    if (kind == TumblingEventTimeWindows.class) {
      TumblingEventTimeWindows t = (TumblingEventTimeWindows) assigner;
      return new long[] {t.getSize(), t.getSize(), t.getOffset()};
    }
    if (kind == SlidingEventTimeWindows.class) {
      SlidingEventTimeWindows s = (SlidingEventTimeWindows) assigner;
      return new long[] {s.getSize(), s.getSlide(), s.getOffset()};
    }
    if (kind == TumblingProcessingTimeWindows.class) {
      TumblingProcessingTimeWindows t = (TumblingProcessingTimeWindows) assigner;
      return new long[] {t.getSize(), t.getSize(), t.getOffset()};
    }
    if (kind == SlidingProcessingTimeWindows.class) {
      SlidingProcessingTimeWindows s = (SlidingProcessingTimeWindows) assigner;
      return new long[] {s.getSize(), s.getSlide(), s.getOffset()};
    }
    return null;
  }

  /**
   * Adds the window operator. {@code passThrough}: the window function only emits the pre-aggregated
   * value, so the slicing operator may be used.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <X, R> SingleOutputStreamOperator<R> build(String what, TypeInformation<R> outputType,
      ReduceFunction<T> reducer, AggregateFunction<T, ?, ?> aggregate,
      ProcessWindowFunction<X, R, K, W> function, boolean passThrough) {
    if (function == null) {
      throw new NullPointerException("The window function must not be null");
    }
    Trigger<? super T, ? super W> effectiveTrigger = trigger != null ? trigger
        : (Trigger) windowAssigner.getDefaultTrigger();
    String name = "Window(" + windowAssigner + ", " + effectiveTrigger
        + (evictor != null ? ", " + evictor : "") + ", " + what + ")";
    long lateness = allowedLateness;
    OutputTag<T> lateTag = lateDataOutputTag;
    Supplier<ReduceFunction<T>> reducers = Operators.copier(reducer);
    Supplier<AggregateFunction<T, ?, ?>> aggregates = (Supplier) Operators.copier(aggregate);

    OperatorFactory<R> factory;
    if (sliceable(windowAssigner, trigger, evictor, reducer != null || aggregate != null, function, passThrough)) {
      long[] shape = sliceShape(windowAssigner);
      long size = shape[0];
      long slide = shape[1];
      long offset = shape[2];
      boolean processingTime = !windowAssigner.isEventTime();
      Supplier<ProcessWindowFunction<X, R, K, W>> functions = passThrough ? () -> null : Operators.copier(function);
      factory = () -> new SlicingWindowOperator(size, slide, offset, processingTime, lateness, lateTag,
          reducers.get(), (AggregateFunction) aggregates.get(), (ProcessWindowFunction) functions.get());
    } else {
      Supplier<WindowAssigner<? super T, W>> assigners = Operators.copier(windowAssigner);
      Supplier<Trigger<? super T, ? super W>> triggers = Operators.copier(effectiveTrigger);
      Supplier<Evictor<? super T, ? super W>> evictors = Operators.copier(evictor);
      Supplier<ProcessWindowFunction<X, R, K, W>> functions = Operators.copier(function);
      boolean withEvictor = evictor != null;
      factory = () -> {
        ReduceFunction<T> r = reducers.get();
        AggregateFunction<T, ?, ?> a = aggregates.get();
        ProcessWindowFunction fn = functions.get();
        WindowOperator.WindowContents<T> contents;
        if (withEvictor) {
          contents = new WindowOperator.ListContents<>();
          if (r != null || a != null) {
            fn = new WindowFunctions.ApplyThen(r, a, fn);
          }
        } else if (r != null) {
          contents = new WindowOperator.ReducingContents<>(r);
        } else if (a != null) {
          contents = new WindowOperator.AggregatingContents<>(a);
        } else {
          contents = new WindowOperator.ListContents<>();
        }
        return new WindowOperator<>(assigners.get(), triggers.get(), contents, fn, evictors.get(),
            lateness, lateTag);
      };
    }
    return input.transformKeyed(name, outputType, factory);
  }
}
