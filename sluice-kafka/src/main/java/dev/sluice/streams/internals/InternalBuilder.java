package dev.sluice.streams.internals;

import dev.sluice.streams.errors.TopologyException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@code StreamsBuilder} records: the terminal nodes (sinks, foreach) from which the job is
 * built, the source topics, and a counter for operator names in Kafka Streams' style ({@code
 * KSTREAM-FILTER-0000000003}). Names are deterministic, so a rebuilt job matches its checkpoints.
 */
public final class InternalBuilder {
  private int index;
  private final List<Node<?>> terminals = new ArrayList<>();
  private final Set<String> sourceTopics = new LinkedHashSet<>();
  private final Set<String> sinkTopics = new LinkedHashSet<>();
  private final Set<String> names = new java.util.HashSet<>();

  public String newName(String prefix) {
    return prefix + String.format("%010d", index++);
  }

  /** {@code given} when not null (it must be unique), else a new generated name. */
  public String name(String given, String prefix) {
    if (given == null) {
      return newName(prefix);
    }
    if (!names.add(given)) {
      throw new TopologyException("the name [" + given + "] is used by two operators");
    }
    index++;
    return given;
  }

  public void addSourceTopic(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new TopologyException("a source topic name must not be empty");
    }
    if (!sourceTopics.add(topic)) {
      throw new TopologyException("the topic [" + topic + "] is read by two sources");
    }
  }

  public void addSinkTopic(String topic) {
    sinkTopics.add(topic);
  }

  public void addTerminal(Node<?> node) {
    terminals.add(node);
  }

  public List<Node<?>> terminals() {
    return List.copyOf(terminals);
  }

  public Set<String> sourceTopics() {
    return Set.copyOf(sourceTopics);
  }

  public Set<String> sinkTopics() {
    return Set.copyOf(sinkTopics);
  }
}
