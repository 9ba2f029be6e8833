package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;

/**
 * A stream to be broadcast to every parallel instance of the operator it is connected to, with the
 * broadcast states that operator keeps. Made by {@link DataStream#broadcast(MapStateDescriptor[])};
 * used by {@link DataStream#connect(BroadcastStream)}.
 *
 * @param <T> the element type
 */
public class BroadcastStream<T> {
  private final StreamExecutionEnvironment environment;
  private final DataStream<T> input;
  private final List<MapStateDescriptor<?, ?>> descriptors;

  protected BroadcastStream(StreamExecutionEnvironment environment, DataStream<T> input,
      MapStateDescriptor<?, ?>... descriptors) {
    if (descriptors == null || descriptors.length == 0) {
      throw new IllegalArgumentException("broadcast(..) needs at least one MapStateDescriptor for "
          + "the broadcast state; use broadcast() without arguments to only broadcast the records");
    }
    for (MapStateDescriptor<?, ?> d : descriptors) {
      if (d == null) {
        throw new NullPointerException("A broadcast state descriptor must not be null");
      }
    }
    this.environment = environment;
    this.input = input;
    this.descriptors = List.of(descriptors);
  }

  public StreamExecutionEnvironment getEnvironment() {
    return environment;
  }

  /** The stream before broadcasting. */
  DataStream<T> input() {
    return input;
  }

  public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
    return descriptors;
  }
}
