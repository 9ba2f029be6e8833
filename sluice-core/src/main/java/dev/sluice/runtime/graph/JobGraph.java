package dev.sluice.runtime.graph;

import java.util.List;

/** The runnable shape of a job: its chains in topological order. */
public record JobGraph(String jobName, List<JobVertex> vertices, int maxParallelism) {
  /** A readable plan, one chain per line, for logs and {@code explain}. */
  public String describe() {
    StringBuilder sb = new StringBuilder("Job '" + jobName + "'\n");
    for (JobVertex v : vertices) {
      sb.append("  [").append(v.id()).append("] ").append(v.name()).append(" x").append(v.parallelism());
      for (StreamEdge e : v.inputEdges()) {
        sb.append("  <-").append(e.partitioning()).append("- [").append(e.source().vertex().id())
            .append(']');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
