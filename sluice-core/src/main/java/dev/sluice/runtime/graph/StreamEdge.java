package dev.sluice.runtime.graph;

import dev.sluice.util.OutputTag;

/**
 * A connection between two nodes: which input of the target ({@code 1} or {@code 2}), how records
 * are partitioned, and which output of the source (null for the main output, else a side output).
 */
public record StreamEdge(StreamNode source, StreamNode target, int inputIndex,
    Partitioning partitioning, OutputTag<?> sideOutputTag) {

  /** Whether both ends run in the same chain (a direct call, no channel). */
  public boolean isChained() {
    return source.vertex == target.vertex;
  }
}
