package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.runtime.graph.OperatorFactory;
import dev.sluice.runtime.graph.Operators;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.runtime.graph.TwoInputTransformation;
import dev.sluice.runtime.operators.co.CoProcessOperator;
import dev.sluice.runtime.operators.co.CoStreamFlatMap;
import dev.sluice.runtime.operators.co.CoStreamMap;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.co.CoFlatMapFunction;
import dev.sluice.streaming.api.functions.co.CoMapFunction;
import dev.sluice.streaming.api.functions.co.CoProcessFunction;

/** Two streams, possibly of different types, processed by one co-operator. */
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
        first.getTransformation(), second.getTransformation(), factory, null, null,
        Transformation.DEFAULT_PARALLELISM, outputType);
    return new SingleOutputStreamOperator<>(environment, t);
  }
}
