package dev.sluice.connector.kafka.connect;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceConnectorContext;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the connector of a {@link ConnectSource} and hands its task configs to the readers as
 * splits: split {@code i} to reader {@code i mod parallelism}. The connector is created, validated
 * and started off the coordinator thread; it is stopped when the enumerator closes.
 */
final class ConnectSourceEnumerator implements SplitEnumerator<ConnectTaskSplit, ConnectEnumState> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectSourceEnumerator.class);

  private final ConnectSource<?> source;
  private final SplitEnumeratorContext<ConnectTaskSplit> context;
  private final String name;
  private final ConnectEnumState restored;
  private final Map<Integer, List<ConnectTaskSplit>> pending = new TreeMap<>();
  private final Set<Integer> signalledNoMore = new HashSet<>();
  private List<Map<String, String>> taskConfigs = List.of();
  private boolean configsMade;

  private final Object lock = new Object();
  private SourceConnector connector;
  private ConnectPluginMetrics metrics;
  private boolean closed;

  ConnectSourceEnumerator(ConnectSource<?> source, SplitEnumeratorContext<ConnectTaskSplit> context,
      ConnectEnumState restored) {
    this.source = source;
    this.context = context;
    this.name = source.getConnectorClass().getName();
    this.restored = restored;
    if (restored != null) {
      configsMade = restored.configsMade();
      taskConfigs = restored.taskConfigs();
      for (ConnectTaskSplit s : restored.unassigned()) {
        pending.computeIfAbsent(owner(s), k -> new ArrayList<>()).add(s);
      }
    }
  }

  private int owner(ConnectTaskSplit s) {
    return s.taskIndex() % context.currentParallelism();
  }

  @Override
  public void start() {
    context.callAsync(this::startConnector, this::connectorStarted, 0, 0);
  }

  /** Off the coordinator thread: the connector's task configs. */
  private List<Map<String, String>> startConnector() {
    Map<String, String> props = source.getProperties();
    SourceConnector c = Connectors.instantiate(source.getConnectorClass(), "source connector");
    synchronized (lock) {
      if (closed) {
        return List.of();
      }
      connector = c;
      metrics = new ConnectPluginMetrics(name, null);
    }
    Connectors.validate(c, props);
    c.initialize(new Context());
    try {
      c.start(props);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Kafka Connect source connector " + name + " failed to start: " + e.getMessage(), e);
    }
    int maxTasks = Connectors.maxTasks(props, context.currentParallelism(), name);
    List<Map<String, String>> configs;
    try {
      configs = c.taskConfigs(maxTasks);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Kafka Connect source connector " + name + " failed in taskConfigs("
          + maxTasks + "): " + e.getMessage(), e);
    }
    if (configs == null) {
      throw new IllegalStateException("Kafka Connect source connector " + name + " returned no task configs (null)");
    }
    if (configs.size() > maxTasks) {
      throw new IllegalStateException("Kafka Connect source connector " + name + " returned " + configs.size()
          + " task configs for tasks.max " + maxTasks);
    }
    Connectors.taskClass(c, SourceTask.class); // fails early when it names a wrong class
    return configs;
  }

  /** On the coordinator thread. */
  private void connectorStarted(List<Map<String, String>> configs, Throwable error) {
    if (closed) {
      return;
    }
    if (error != null) {
      throw error instanceof RuntimeException re ? re
          : new IllegalStateException("Kafka Connect source connector " + name + " failed to start: " + error, error);
    }
    if (configsMade) {
      if (!configs.equals(taskConfigs)) {
        LOG.warn("Kafka Connect source connector {} now makes other task configs than the restored checkpoint"
            + " holds; the checkpoint's {} task(s) go on with their configs and offsets", name, taskConfigs.size());
      }
    } else {
      String taskClass = Connectors.taskClass(connector, SourceTask.class).getName();
      taskConfigs = List.copyOf(configs);
      for (int i = 0; i < configs.size(); i++) {
        ConnectTaskSplit split = new ConnectTaskSplit(i, taskClass, configs.get(i), Map.of(), 0);
        pending.computeIfAbsent(owner(split), k -> new ArrayList<>()).add(split);
      }
      configsMade = true;
      if (configs.isEmpty()) {
        LOG.warn("Kafka Connect source connector {} made no task configs: the source reads nothing", name);
      } else {
        LOG.info("Kafka Connect source connector {} started with {} task(s)", name, configs.size());
      }
    }
    assignPending();
  }

  private void assignPending() {
    Set<Integer> registered = context.registeredReaders();
    for (Integer reader : new ArrayList<>(pending.keySet())) {
      if (registered.contains(reader)) {
        for (ConnectTaskSplit s : pending.remove(reader)) {
          context.assignSplit(s, reader);
        }
      }
    }
    if (configsMade && source.getBoundedness() == Boundedness.BOUNDED) {
      for (Integer reader : registered) {
        if (!pending.containsKey(reader) && signalledNoMore.add(reader)) {
          context.signalNoMoreSplits(reader);
        }
      }
    }
  }

  @Override
  public void handleSplitRequest(int subtaskId) {
    // splits are pushed
  }

  @Override
  public void addSplitsBack(List<ConnectTaskSplit> splits, int subtaskId) {
    for (ConnectTaskSplit s : splits) {
      pending.computeIfAbsent(owner(s), k -> new ArrayList<>()).add(s);
    }
    signalledNoMore.remove(subtaskId);
  }

  @Override
  public void addReader(int subtaskId) {
    signalledNoMore.remove(subtaskId);
    assignPending();
  }

  @Override
  public ConnectEnumState snapshotState(long checkpointId) {
    List<ConnectTaskSplit> unassigned = new ArrayList<>();
    pending.values().forEach(unassigned::addAll);
    return new ConnectEnumState(configsMade, taskConfigs, unassigned);
  }

  @Override
  public void close() {
    SourceConnector c;
    ConnectPluginMetrics m;
    synchronized (lock) {
      closed = true;
      c = connector;
      m = metrics;
      connector = null;
    }
    if (c != null) {
      try {
        c.stop();
      } catch (RuntimeException e) {
        LOG.warn("Kafka Connect source connector {} failed to stop: {}", name, e.toString());
      }
    }
    if (m != null) {
      m.close();
    }
  }

  /** The connector's view of its host. */
  private final class Context implements SourceConnectorContext {
    private boolean warned;

    @Override
    public void requestTaskReconfiguration() {
      if (!warned) {
        warned = true;
        LOG.warn("Kafka Connect source connector {} asks for new task configs; Sluice fixes a connector's"
            + " tasks when the job starts, so the request is ignored (restart the job to take new configs)", name);
      }
    }

    @Override
    public void raiseError(Exception e) {
      context.runInCoordinatorThread(() -> {
        throw new IllegalStateException("Kafka Connect source connector " + name + " raised an error: "
            + e.getMessage(), e);
      });
    }

    @Override
    public PluginMetrics pluginMetrics() {
      synchronized (lock) {
        return metrics;
      }
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
      throw new UnsupportedOperationException("Sluice keeps a Connect source's offsets with its tasks"
          + " (in the readers' checkpointed splits); connector " + name + " cannot read them on the coordinator side");
    }
  }
}
