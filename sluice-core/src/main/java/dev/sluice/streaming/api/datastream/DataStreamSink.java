package dev.sluice.streaming.api.datastream;

import dev.sluice.runtime.graph.SinkTransformation;

/** A sink at the end of a stream, with its settings. */
public class DataStreamSink<T> {
  private final SinkTransformation<T> transformation;

  DataStreamSink(SinkTransformation<T> transformation) {
    this.transformation = transformation;
  }

  public DataStreamSink<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  public DataStreamSink<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  public DataStreamSink<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  public SinkTransformation<T> getTransformation() {
    return transformation;
  }
}
