package dev.sluice.streams;

import dev.sluice.streams.internals.InternalBuilder;
import java.util.Set;
import java.util.TreeSet;

/**
 * A built DSL topology, ready to run in {@link KafkaStreams} or the test driver. It is compiled
 * into a Sluice job each time it runs, so one topology can run several times.
 */
public class Topology {
  private final InternalBuilder builder;

  Topology(InternalBuilder builder) {
    this.builder = builder;
  }

  /** For the engine and the test driver, not for applications. */
  public InternalBuilder internalBuilder() {
    return builder;
  }

  /** The topics the topology reads. */
  public Set<String> sourceTopics() {
    return new TreeSet<>(builder.sourceTopics());
  }

  /** The topics the topology writes. */
  public Set<String> sinkTopics() {
    return new TreeSet<>(builder.sinkTopics());
  }

  @Override
  public String toString() {
    return "Topology(sources=" + sourceTopics() + ", sinks=" + sinkTopics() + ")";
  }
}
