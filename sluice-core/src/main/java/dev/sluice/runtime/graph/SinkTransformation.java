package dev.sluice.runtime.graph;

import dev.sluice.api.connector.sink2.Sink;
import java.util.List;

/** Writes its input to a {@link Sink}. */
public final class SinkTransformation<T> extends Transformation<Void> {
  private final Transformation<T> input;
  private final Sink<T> sink;

  public SinkTransformation(int id, String name, Transformation<T> input, Sink<T> sink,
      int parallelism) {
    super(id, name, parallelism, null);
    this.input = input;
    this.sink = sink;
  }

  public Transformation<T> input() {
    return input;
  }

  public Sink<T> sink() {
    return sink;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of(input);
  }
}
