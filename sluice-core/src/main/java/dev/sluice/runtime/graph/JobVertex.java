package dev.sluice.runtime.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A chain of nodes that runs as one task with {@link #parallelism()} subtasks. */
public final class JobVertex {
  private final int id;
  private final int parallelism;
  private final List<StreamNode> chain = new ArrayList<>();

  JobVertex(int id, StreamNode head) {
    this.id = id;
    this.parallelism = head.parallelism();
    add(head);
  }

  void add(StreamNode node) {
    chain.add(node);
    node.vertex = this;
  }

  public int id() {
    return id;
  }

  public int parallelism() {
    return parallelism;
  }

  /** The nodes of the chain, head first, in an order where each node follows its input. */
  public List<StreamNode> chain() {
    return chain;
  }

  public StreamNode head() {
    return chain.get(0);
  }

  /** Edges into the head that cross a channel. */
  public List<StreamEdge> inputEdges() {
    return head().inEdges();
  }

  /** Edges out of any node of the chain that cross a channel. */
  public List<StreamEdge> outputEdges() {
    List<StreamEdge> out = new ArrayList<>();
    for (StreamNode node : chain) {
      for (StreamEdge edge : node.outEdges()) {
        if (!edge.isChained()) {
          out.add(edge);
        }
      }
    }
    return out;
  }

  public String name() {
    return chain.stream().map(StreamNode::name).collect(Collectors.joining(" -> "));
  }

  @Override
  public String toString() {
    return name() + " (parallelism " + parallelism + ")";
  }
}
