package dev.sluice.runtime.graph;

import dev.sluice.runtime.channel.KeyGroups;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link JobGraph} from the sinks of a job: resolves virtual transformations into edges,
 * applies default parallelism and partitioning, validates, and chains.
 */
public final class JobGraphBuilder {
  private final String jobName;
  private final int defaultParallelism;
  private final int maxParallelism;
  private final Map<Integer, StreamNode> nodes = new LinkedHashMap<>();

  public JobGraphBuilder(String jobName, int defaultParallelism, int maxParallelism) {
    this.jobName = jobName;
    this.defaultParallelism = defaultParallelism;
    this.maxParallelism = maxParallelism;
  }

  public JobGraph build(List<? extends Transformation<?>> sinks) {
    if (sinks.isEmpty()) {
      throw new IllegalStateException("The job '" + jobName + "' has no sink, so it would compute "
          + "nothing: add one (print(), sinkTo(..), executeAndCollect()) before executing. "
          + "If this environment was executed before, that run consumed its job.");
    }
    for (Transformation<?> sink : sinks) {
      node(sink);
    }
    List<StreamNode> ordered = new ArrayList<>(nodes.values());
    ordered.sort(Comparator.comparingInt(n -> n.transformation().id()));
    for (StreamNode node : ordered) {
      connectInputs(node);
    }
    return new JobGraph(jobName, chain(ordered), maxParallelism);
  }

  private StreamNode node(Transformation<?> t) {
    if (t.isVirtual()) {
      for (Transformation<?> input : t.inputs()) {
        node(input);
      }
      return null;
    }
    StreamNode existing = nodes.get(t.id());
    if (existing != null) {
      return existing;
    }
    int parallelism = t.parallelism() > 0 ? t.parallelism() : defaultParallelism;
    if (parallelism > maxParallelism) {
      throw new IllegalArgumentException("The parallelism " + parallelism + " of '" + t.name()
          + "' is larger than the maximum parallelism " + maxParallelism
          + "; raise it with setMaxParallelism (at most " + KeyGroups.UPPER_BOUND_MAX_PARALLELISM + ")");
    }
    StreamNode node = new StreamNode(t, parallelism);
    nodes.put(t.id(), node);
    for (Transformation<?> input : t.inputs()) {
      node(input);
    }
    return node;
  }

  private void connectInputs(StreamNode node) {
    Transformation<?> t = node.transformation();
    if (t instanceof OneInputTransformation<?, ?> one) {
      connect(one.input(), node, 1, null, null);
    } else if (t instanceof SinkTransformation<?> sink) {
      connect(sink.input(), node, 1, null, null);
    } else if (t instanceof TwoInputTransformation<?, ?, ?> two) {
      connect(two.input1(), node, 1, null, null);
      connect(two.input2(), node, 2, null, null);
    }
  }

  private void connect(Transformation<?> upstream, StreamNode target, int inputIndex,
      Partitioning partitioning, OutputTag<?> tag) {
    if (upstream instanceof PartitionTransformation<?> p) {
      connect(p.input(), target, inputIndex, p.partitioning(), tag);
    } else if (upstream instanceof UnionTransformation<?> u) {
      for (Transformation<?> input : u.unioned()) {
        connect(input, target, inputIndex, partitioning, tag);
      }
    } else if (upstream instanceof SideOutputTransformation<?> s) {
      connect(s.input(), target, inputIndex, partitioning, s.tag());
    } else {
      StreamNode source = nodes.get(upstream.id());
      Partitioning effective = partitioning;
      if (effective == null) {
        effective = source.parallelism() == target.parallelism()
            ? Partitioning.FORWARD : Partitioning.REBALANCE;
      }
      if (effective.kind() == Partitioning.Kind.FORWARD
          && source.parallelism() != target.parallelism()) {
        throw new IllegalArgumentException("A forward edge cannot change the parallelism: '"
            + source.name() + "' runs with parallelism " + source.parallelism() + ", '"
            + target.name() + "' with " + target.parallelism()
            + ". Use rebalance() or shuffle() between them, or give both the same parallelism.");
      }
      StreamEdge edge = new StreamEdge(source, target, inputIndex, effective, tag);
      source.outEdges.add(edge);
      target.inEdges.add(edge);
    }
  }

  private List<JobVertex> chain(List<StreamNode> ordered) {
    List<JobVertex> vertices = new ArrayList<>();
    for (StreamNode node : ordered) {
      if (node.inEdges().size() == 1 && chainable(node.inEdges().get(0))) {
        node.inEdges().get(0).source().vertex.add(node);
      } else {
        vertices.add(new JobVertex(vertices.size(), node));
      }
    }
    return vertices;
  }

  private static boolean chainable(StreamEdge edge) {
    Transformation<?> target = edge.target().transformation();
    boolean oneInput = target instanceof OneInputTransformation<?, ?> one && one.keySelector() == null
        || target instanceof SinkTransformation<?>;
    return oneInput
        && edge.partitioning().kind() == Partitioning.Kind.FORWARD
        && edge.source().parallelism() == edge.target().parallelism();
  }
}
