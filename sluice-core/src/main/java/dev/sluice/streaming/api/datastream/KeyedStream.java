package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.graph.OneInputTransformation;
import dev.sluice.runtime.graph.OperatorFactory;
import dev.sluice.runtime.graph.Operators;
import dev.sluice.runtime.graph.PartitionTransformation;
import dev.sluice.runtime.graph.Partitioning;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.runtime.operators.KeyedProcessOperator;
import dev.sluice.runtime.operators.StreamGroupedReduce;
import dev.sluice.runtime.typeutils.Aggregations;
import dev.sluice.runtime.typeutils.FieldAccessor;
import dev.sluice.runtime.typeutils.FieldAccessors;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;

/**
 * A stream partitioned by key: every element with the same key goes to the same subtask, and the
 * operations below keep state per key.
 */
public class KeyedStream<T, KEY> extends DataStream<T> {
  private final KeySelector<T, KEY> keySelector;

  public KeyedStream(DataStream<T> input, KeySelector<T, KEY> keySelector) {
    super(input.getExecutionEnvironment(), new PartitionTransformation<>(
        input.getExecutionEnvironment().nextId(), input.getTransformation(), Partitioning.hash(keySelector)));
    this.keySelector = keySelector;
  }

  public KeySelector<T, KEY> getKeySelector() {
    return keySelector;
  }

  /** Adds a keyed one-input operator: the runtime sets the current key before each element. */
  public <R> SingleOutputStreamOperator<R> transformKeyed(String operatorName,
      TypeInformation<R> outputType, OperatorFactory<R> factory) {
    OneInputTransformation<T, R> t = new OneInputTransformation<>(environment.nextId(), operatorName,
        transformation, factory, keySelector, Transformation.DEFAULT_PARALLELISM, outputType);
    return new SingleOutputStreamOperator<>(environment, t);
  }

  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> function) {
    return transformKeyed("KeyedProcess",
        TypeExtractor.outputType(function, KeyedProcessFunction.class, 2),
        Operators.udf(function, KeyedProcessOperator::new));
  }

  /** A running reduce per key: emits the new accumulated value for every element. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return transformKeyed("Keyed Reduce", getType(), Operators.udf(reducer, StreamGroupedReduce::new));
  }

  // ------------------------------------------------------------ windows

  /** Groups each key's elements into the windows {@code assigner} gives them. */
  public <W extends dev.sluice.streaming.api.windowing.windows.Window> WindowedStream<T, KEY, W> window(
      dev.sluice.streaming.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }

  /** Windows of {@code size} elements per key, each fired and purged when full. */
  public WindowedStream<T, KEY, dev.sluice.streaming.api.windowing.windows.GlobalWindow> countWindow(long size) {
    checkCount(size, "size");
    return window(dev.sluice.streaming.api.windowing.assigners.GlobalWindows.create())
        .trigger(dev.sluice.streaming.api.windowing.triggers.PurgingTrigger.of(
            dev.sluice.streaming.api.windowing.triggers.CountTrigger.of(size)));
  }

  /** The last {@code size} elements per key, evaluated every {@code slide} elements. */
  public WindowedStream<T, KEY, dev.sluice.streaming.api.windowing.windows.GlobalWindow> countWindow(
      long size, long slide) {
    checkCount(size, "size");
    checkCount(slide, "slide");
    return window(dev.sluice.streaming.api.windowing.assigners.GlobalWindows.create())
        .evictor(dev.sluice.streaming.api.windowing.evictors.CountEvictor.of(size))
        .trigger(dev.sluice.streaming.api.windowing.triggers.CountTrigger.of(slide));
  }

  static void checkCount(long n, String what) {
    if (n <= 0) {
      throw new IllegalArgumentException("The count window " + what + " must be positive, got " + n);
    }
  }

  // ------------------------------------------------------------ aggregations (Flink semantics)

  /** Running sum of the field at {@code position}; the other fields keep the key's first element. */
  public SingleOutputStreamOperator<T> sum(int position) {
    return aggregate("Sum", Aggregations.sum(field(position)));
  }

  public SingleOutputStreamOperator<T> sum(String field) {
    return aggregate("Sum", Aggregations.sum(field(field)));
  }

  /** Running minimum of a field; the other fields keep the key's first element. */
  public SingleOutputStreamOperator<T> min(int position) {
    return aggregate("Min", Aggregations.min(field(position)));
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return aggregate("Min", Aggregations.min(field(field)));
  }

  public SingleOutputStreamOperator<T> max(int position) {
    return aggregate("Max", Aggregations.max(field(position)));
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return aggregate("Max", Aggregations.max(field(field)));
  }

  /** The element with the smallest value of a field so far (the first one on ties). */
  public SingleOutputStreamOperator<T> minBy(int position) {
    return aggregate("MinBy", Aggregations.minBy(field(position)));
  }

  public SingleOutputStreamOperator<T> minBy(String field) {
    return aggregate("MinBy", Aggregations.minBy(field(field)));
  }

  public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
    return aggregate("MinBy", Aggregations.minBy(field(position), first));
  }

  public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
    return aggregate("MinBy", Aggregations.minBy(field(field), first));
  }

  public SingleOutputStreamOperator<T> maxBy(int position) {
    return aggregate("MaxBy", Aggregations.maxBy(field(position)));
  }

  public SingleOutputStreamOperator<T> maxBy(String field) {
    return aggregate("MaxBy", Aggregations.maxBy(field(field)));
  }

  public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
    return aggregate("MaxBy", Aggregations.maxBy(field(position), first));
  }

  public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
    return aggregate("MaxBy", Aggregations.maxBy(field(field), first));
  }

  private FieldAccessor<T> field(int position) {
    return FieldAccessors.forPosition(getType(), position);
  }

  private FieldAccessor<T> field(String expression) {
    return FieldAccessors.forExpression(getType(), expression);
  }

  private SingleOutputStreamOperator<T> aggregate(String name, ReduceFunction<T> aggregation) {
    return transformKeyed(name, getType(), Operators.udf(aggregation, StreamGroupedReduce::new));
  }

  // ------------------------------------------------------------ interval join

  /**
   * Joins this stream's elements with those of {@code otherStream} that have the same key and a
   * timestamp in an interval around theirs (event time); set the interval with
   * {@link IntervalJoin#between}.
   */
  public <T1> IntervalJoin<T, T1, KEY> intervalJoin(KeyedStream<T1, KEY> otherStream) {
    return new IntervalJoin<>(this, otherStream);
  }

  /** An interval join before its bounds are set. */
  public static class IntervalJoin<T1, T2, KEY> {
    private final KeyedStream<T1, KEY> left;
    private final KeyedStream<T2, KEY> right;

    IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
      if (right == null) {
        throw new NullPointerException("The stream to join with must not be null");
      }
      if (left.getExecutionEnvironment() != right.getExecutionEnvironment()) {
        throw new IllegalArgumentException("Cannot join streams of different environments");
      }
      this.left = left;
      this.right = right;
    }

    /** Only event time is supported; this returns the join unchanged (kept for Flink code). */
    public IntervalJoin<T1, T2, KEY> inEventTime() {
      return this;
    }

    /**
     * A left element at time {@code t} joins the right elements with timestamps in
     * {@code [t + lowerBound, t + upperBound]}, both bounds inclusive unless made exclusive.
     */
    public IntervalJoined<T1, T2, KEY> between(java.time.Duration lowerBound,
        java.time.Duration upperBound) {
      if (lowerBound == null || upperBound == null) {
        throw new NullPointerException("Both bounds of the interval join must be given");
      }
      long lower = lowerBound.toMillis();
      long upper = upperBound.toMillis();
      if (lower > upper) {
        throw new IllegalArgumentException("The lower bound of an interval join must not be above "
            + "its upper bound, but " + lowerBound + " > " + upperBound);
      }
      return new IntervalJoined<>(left, right, lower, upper);
    }
  }

  /** An interval join with its bounds set, ready for {@link #process}. */
  public static class IntervalJoined<IN1, IN2, KEY> {
    private final KeyedStream<IN1, KEY> left;
    private final KeyedStream<IN2, KEY> right;
    private final long lowerBound;
    private final long upperBound;
    private boolean lowerBoundInclusive = true;
    private boolean upperBoundInclusive = true;
    private dev.sluice.util.OutputTag<IN1> leftLateDataOutputTag;
    private dev.sluice.util.OutputTag<IN2> rightLateDataOutputTag;

    IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound,
        long upperBound) {
      this.left = left;
      this.right = right;
      this.lowerBound = lowerBound;
      this.upperBound = upperBound;
    }

    /** Excludes the lower bound from the interval. */
    public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
      lowerBoundInclusive = false;
      return this;
    }

    /** Excludes the upper bound from the interval. */
    public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
      upperBoundInclusive = false;
      return this;
    }

    /** Sends left elements that arrive behind the watermark to this side output (else dropped). */
    public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(
        dev.sluice.util.OutputTag<IN1> outputTag) {
      leftLateDataOutputTag = java.util.Objects.requireNonNull(outputTag, "outputTag");
      return this;
    }

    /** Sends right elements that arrive behind the watermark to this side output (else dropped). */
    public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(
        dev.sluice.util.OutputTag<IN2> outputTag) {
      rightLateDataOutputTag = java.util.Objects.requireNonNull(outputTag, "outputTag");
      return this;
    }

    /** Calls {@code processJoinFunction} for every matching pair. */
    public <OUT> SingleOutputStreamOperator<OUT> process(
        dev.sluice.streaming.api.functions.co.ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
      dev.sluice.api.common.typeinfo.TypeInformation<OUT> type = TypeExtractor.outputType(
          processJoinFunction, dev.sluice.streaming.api.functions.co.ProcessJoinFunction.class, 2);
      return process(processJoinFunction, type);
    }

    /** As {@link #process(dev.sluice.streaming.api.functions.co.ProcessJoinFunction)}, with the result type. */
    public <OUT> SingleOutputStreamOperator<OUT> process(
        dev.sluice.streaming.api.functions.co.ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction,
        dev.sluice.api.common.typeinfo.TypeInformation<OUT> outputType) {
      long lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
      long upper = upperBoundInclusive ? upperBound : upperBound - 1;
      if (lower > upper) {
        throw new IllegalArgumentException("The interval of the join is empty: with exclusive bounds "
            + "it is [" + lower + ", " + upper + "] ms");
      }
      dev.sluice.util.OutputTag<IN1> leftLate = leftLateDataOutputTag;
      dev.sluice.util.OutputTag<IN2> rightLate = rightLateDataOutputTag;
      return left.connect(right).transform("IntervalJoin", outputType,
          Operators.udf(processJoinFunction, f -> new dev.sluice.runtime.operators.co
              .IntervalJoinOperator<KEY, IN1, IN2, OUT>(lower, upper, leftLate, rightLate, f)));
    }
  }
}
