package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.graph.OperatorFactory;
import dev.sluice.runtime.graph.Operators;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.runtime.graph.TwoInputTransformation;
import dev.sluice.runtime.operators.co.CoProcessOperator;
import dev.sluice.runtime.operators.co.CoStreamFlatMap;
import dev.sluice.runtime.operators.co.CoStreamMap;
import dev.sluice.runtime.operators.co.KeyedCoProcessOperator;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.co.CoFlatMapFunction;
import dev.sluice.streaming.api.functions.co.CoMapFunction;
import dev.sluice.streaming.api.functions.co.CoProcessFunction;
import dev.sluice.streaming.api.functions.co.KeyedCoProcessFunction;

/**
 * Two streams, possibly of different types, processed by one co-operator. When both are keyed
 * ({@link #keyBy}, or two {@link KeyedStream}s connected), the operator is keyed: both inputs share
 * keyed state and timers per key.
 */
public class ConnectedStreams<IN1, IN2> {
  private final StreamExecutionEnvironment environment;
  private final DataStream<IN1> first;
  private final DataStream<IN2> second;

  ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> first, DataStream<IN2> second) {
    this.environment = environment;
    this.first = first;
    this.second = second;
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  public DataStream<IN1> getFirstInput() {
    return first;
  }

  public DataStream<IN2> getSecondInput() {
    return second;
  }

  public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper) {
    return transform("Co-Map", TypeExtractor.outputType(mapper, CoMapFunction.class, 2),
        Operators.udf(mapper, CoStreamMap::new));
  }

  public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
    return transform("Co-Flat Map", TypeExtractor.outputType(flatMapper, CoFlatMapFunction.class, 2),
        Operators.udf(flatMapper, CoStreamFlatMap::new));
  }

  public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
    return transform("Co-Process", TypeExtractor.outputType(function, CoProcessFunction.class, 2),
        Operators.udf(function, CoProcessOperator::new));
  }

  /** Adds a two-input operator. */
  public <R> SingleOutputStreamOperator<R> transform(String name, TypeInformation<R> outputType,
      OperatorFactory<R> factory) {
    TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(environment.nextId(), name,
        first.getTransformation(), second.getTransformation(), factory, keySelector1(), keySelector2(),
        Transformation.DEFAULT_PARALLELISM, outputType);
    return new SingleOutputStreamOperator<>(environment, t);
  }

  // ------------------------------------------------------------ keyed connected streams

  /** Whether both inputs are keyed streams (then operators on this are keyed). */
  public boolean isKeyed() {
    return first instanceof KeyedStream<?, ?> && second instanceof KeyedStream<?, ?>;
  }

  private KeySelector<IN1, ?> keySelector1() {
    return isKeyed() ? ((KeyedStream<IN1, ?>) first).getKeySelector() : null;
  }

  private KeySelector<IN2, ?> keySelector2() {
    return isKeyed() ? ((KeyedStream<IN2, ?>) second).getKeySelector() : null;
  }

  /** Keys both inputs; elements of both with equal keys meet in the same parallel instance. */
  public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1,
      KeySelector<IN2, KEY> keySelector2) {
    if (keySelector1 == null || keySelector2 == null) {
      throw new NullPointerException("Both key selectors must be given");
    }
    return new ConnectedStreams<>(environment, first.keyBy(keySelector1),
        second.keyBy(keySelector2));
  }

  /** Keys both inputs (tuples) by a field position each; the keys are tuples. */
  public ConnectedStreams<IN1, IN2> keyBy(int keyPosition1, int keyPosition2) {
    return new ConnectedStreams<>(environment, first.keyBy(keyPosition1),
        second.keyBy(keyPosition2));
  }

  /** Keys both inputs by field positions; the keys are tuples. */
  public ConnectedStreams<IN1, IN2> keyBy(int[] keyPositions1, int[] keyPositions2) {
    return new ConnectedStreams<>(environment, first.keyBy(keyPositions1),
        second.keyBy(keyPositions2));
  }

  /** Keys both inputs by a field name each; the keys are tuples. */
  public ConnectedStreams<IN1, IN2> keyBy(String field1, String field2) {
    return new ConnectedStreams<>(environment, first.keyBy(field1), second.keyBy(field2));
  }

  /** Keys both inputs by field names; the keys are tuples. */
  public ConnectedStreams<IN1, IN2> keyBy(String[] fields1, String[] fields2) {
    return new ConnectedStreams<>(environment, first.keyBy(fields1), second.keyBy(fields2));
  }

  /** Processes two keyed inputs with shared keyed state and timers; both must be keyed. */
  public <K, R> SingleOutputStreamOperator<R> process(
      KeyedCoProcessFunction<K, IN1, IN2, R> function) {
    if (!isKeyed()) {
      throw new UnsupportedOperationException("A KeyedCoProcessFunction needs both inputs keyed: "
          + "use connectedStreams.keyBy(..), or connect two KeyedStreams");
    }
    return transform("KeyedCo-Process",
        TypeExtractor.outputType(function, KeyedCoProcessFunction.class, 3),
        Operators.udf(function, KeyedCoProcessOperator::new));
  }
}
