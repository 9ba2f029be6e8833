package dev.sluice.streaming.api.datastream;

import dev.sluice.runtime.graph.SourceTransformation;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
  private final boolean parallel;

  public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation,
      boolean parallel) {
    super(environment, transformation);
    this.parallel = parallel;
  }

  @Override
  public DataStreamSource<T> setParallelism(int parallelism) {
    if (!parallel && parallelism != 1) {
      throw new IllegalArgumentException("The source '" + getName()
          + "' is not parallel (it keeps the order of its elements); its parallelism must be 1, got "
          + parallelism);
    }
    super.setParallelism(parallelism);
    return this;
  }
}
