package dev.sluice.runtime.graph;

import java.util.ArrayList;
import java.util.List;

/** A real transformation in the built graph, with its edges and resolved parallelism. */
public final class StreamNode {
  private final Transformation<?> transformation;
  private final int parallelism;
  final List<StreamEdge> inEdges = new ArrayList<>();
  final List<StreamEdge> outEdges = new ArrayList<>();
  JobVertex vertex;

  StreamNode(Transformation<?> transformation, int parallelism) {
    this.transformation = transformation;
    this.parallelism = parallelism;
  }

  public Transformation<?> transformation() {
    return transformation;
  }

  public String name() {
    return transformation.name();
  }

  public int parallelism() {
    return parallelism;
  }

  public List<StreamEdge> inEdges() {
    return inEdges;
  }

  public List<StreamEdge> outEdges() {
    return outEdges;
  }

  public JobVertex vertex() {
    return vertex;
  }

  @Override
  public String toString() {
    return transformation.toString();
  }
}
