package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.java.functions.KeySelector;
import dev.sluice.runtime.graph.OperatorFactory;
import dev.sluice.runtime.graph.Operators;
import dev.sluice.runtime.graph.PartitionTransformation;
import dev.sluice.runtime.graph.Partitioning;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.runtime.graph.TwoInputTransformation;
import dev.sluice.runtime.operators.co.CoBroadcastWithKeyedOperator;
import dev.sluice.runtime.operators.co.CoBroadcastWithNonKeyedOperator;
import dev.sluice.runtime.typeutils.TypeExtractor;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import dev.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import java.util.List;

/**
 * A stream connected with a {@link BroadcastStream}: the first input keeps its partitioning (keyed
 * or not), the second reaches every parallel instance over a broadcast edge.
 *
 * @param <IN1> elements of the non-broadcast stream
 * @param <IN2> elements of the broadcast stream
 */
public class BroadcastConnectedStream<IN1, IN2> {
  private final StreamExecutionEnvironment environment;
  private final DataStream<IN1> nonBroadcast;
  private final BroadcastStream<IN2> broadcast;

  protected BroadcastConnectedStream(StreamExecutionEnvironment environment,
      DataStream<IN1> nonBroadcast, BroadcastStream<IN2> broadcast) {
    this.environment = environment;
    this.nonBroadcast = nonBroadcast;
    this.broadcast = broadcast;
  }

  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  public DataStream<IN1> getFirstInput() {
    return nonBroadcast;
  }

  public BroadcastStream<IN2> getSecondInput() {
    return broadcast;
  }

  /** Processes a keyed stream with a broadcast one; the first input must be a {@link KeyedStream}. */
  public <KEY, OUT> SingleOutputStreamOperator<OUT> process(
      KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function) {
    if (!(nonBroadcast instanceof KeyedStream<IN1, ?> keyed)) {
      throw new IllegalArgumentException("A KeyedBroadcastProcessFunction needs a keyed stream: "
          + "call keyBy(..) on the non-broadcast stream before connect(..), or use a "
          + "BroadcastProcessFunction");
    }
    List<MapStateDescriptor<?, ?>> descriptors = broadcast.getBroadcastStateDescriptors();
    return transform("Co-Process-Broadcast-Keyed",
        TypeExtractor.outputType(function, KeyedBroadcastProcessFunction.class, 3),
        Operators.udf(function, f -> new CoBroadcastWithKeyedOperator<>(f, descriptors)),
        keyed.getKeySelector());
  }

  /** Processes a non-keyed stream with a broadcast one. */
  public <OUT> SingleOutputStreamOperator<OUT> process(
      BroadcastProcessFunction<IN1, IN2, OUT> function) {
    if (nonBroadcast instanceof KeyedStream<?, ?>) {
      throw new IllegalArgumentException("The non-broadcast stream is keyed: use a "
          + "KeyedBroadcastProcessFunction (or connect the stream before keyBy(..))");
    }
    List<MapStateDescriptor<?, ?>> descriptors = broadcast.getBroadcastStateDescriptors();
    return transform("Co-Process-Broadcast",
        TypeExtractor.outputType(function, BroadcastProcessFunction.class, 2),
        Operators.udf(function, f -> new CoBroadcastWithNonKeyedOperator<>(f, descriptors)), null);
  }

  private <OUT> SingleOutputStreamOperator<OUT> transform(String name,
      TypeInformation<OUT> outputType, OperatorFactory<OUT> factory, KeySelector<IN1, ?> key) {
    Transformation<IN2> broadcastEdge = new PartitionTransformation<>(environment.nextId(),
        broadcast.input().getTransformation(), Partitioning.BROADCAST);
    TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(environment.nextId(),
        name, nonBroadcast.getTransformation(), broadcastEdge, factory, key, null,
        Transformation.DEFAULT_PARALLELISM, outputType);
    return new SingleOutputStreamOperator<>(environment, t);
  }
}
