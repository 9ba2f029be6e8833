package dev.sluice.connector.kafka.source.enumerator;

import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.connector.kafka.source.KafkaSource;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.connector.kafka.source.split.KafkaPartitionSplit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the partitions of the source's topics and assigns each to one reader: reader {@code
 * (hash(topic) + partition) % parallelism}, as Flink does, so a topic's partitions spread evenly
 * and a partition's reader stays the same. Discovery runs off the coordinator thread with an admin
 * client; partitions found after the first discovery start at their earliest offset.
 */
public final class KafkaSourceEnumerator implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceEnumerator.class);

  private final KafkaSource<?> source;
  private final SplitEnumeratorContext<KafkaPartitionSplit> context;
  /** Partitions handed out or waiting to be; read by discovery on another thread. */
  private final Set<TopicPartition> known = ConcurrentHashMap.newKeySet();
  private final Map<Integer, List<KafkaPartitionSplit>> pending = new TreeMap<>();
  private volatile boolean initialDiscoveryFinished;
  private final Set<Integer> signalledNoMore = new HashSet<>();
  private volatile Admin admin;
  private volatile boolean closed;

  public KafkaSourceEnumerator(KafkaSource<?> source, SplitEnumeratorContext<KafkaPartitionSplit> context,
      KafkaSourceEnumState restored) {
    this.source = source;
    this.context = context;
    if (restored != null) {
      known.addAll(restored.assignedPartitions());
      for (KafkaPartitionSplit s : restored.unassignedSplits()) {
        known.add(s.topicPartition());
        pending.computeIfAbsent(owner(s.topicPartition()), k -> new ArrayList<>()).add(s);
      }
      initialDiscoveryFinished = restored.initialDiscoveryFinished();
    }
  }

  /** The reader that owns {@code tp}. */
  int owner(TopicPartition tp) {
    int n = context.currentParallelism();
    int start = ((tp.topic().hashCode() * 31) & 0x7FFFFFFF) % n;
    return (start + tp.partition()) % n;
  }

  @Override
  public void start() {
    long interval = source.getDiscoveryIntervalMs();
    if (initialDiscoveryFinished && interval <= 0) {
      assignPending();
      return;
    }
    context.callAsync(this::discover, this::handleDiscovered, 0, Math.max(0, interval));
  }

  private Admin admin() {
    if (admin == null) {
      Map<String, Object> conf = new HashMap<>();
      for (String k : source.getConfiguration().stringPropertyNames()) {
        if (AdminClientConfig.configNames().contains(k)) {
          conf.put(k, source.getConfiguration().getProperty(k));
        }
      }
      int timeout = (int) Math.min(Integer.MAX_VALUE, source.getTimeoutMs());
      conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
      conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30_000));
      conf.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "sluice-kafka-enumerator");
      admin = Admin.create(conf);
    }
    return admin;
  }

  /** Off the coordinator thread: the new partitions, as splits with resolved offsets. */
  private List<KafkaPartitionSplit> discover() throws Exception {
    if (closed) {
      return List.of();
    }
    Set<TopicPartition> all = partitions();
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition tp : all) {
      if (!known.contains(tp)) {
        fresh.add(tp);
      }
    }
    if (fresh.isEmpty()) {
      return List.of();
    }
    OffsetsInitializer starting = initialDiscoveryFinished ? OffsetsInitializer.earliest() : source.getStartingOffsets();
    String groupId = source.getConfiguration().getProperty("group.id");
    long timeout = source.getTimeoutMs();
    Map<TopicPartition, Long> starts = call(() -> starting.getPartitionOffsets(fresh, admin(), groupId, timeout));
    Map<TopicPartition, Long> stops = source.getStoppingOffsets() == null ? Map.of()
        : call(() -> source.getStoppingOffsets().getPartitionOffsets(fresh, admin(), groupId, timeout));
    List<KafkaPartitionSplit> splits = new ArrayList<>();
    for (TopicPartition tp : fresh) {
      long stop = source.getStoppingOffsets() == null ? KafkaPartitionSplit.NO_STOPPING_OFFSET : stops.get(tp);
      splits.add(new KafkaPartitionSplit(tp.topic(), tp.partition(), starts.get(tp), stop));
    }
    return splits;
  }

  private interface Call<V> {
    V call() throws Exception;
  }

  private <V> V call(Call<V> c) throws Exception {
    try {
      return c.call();
    } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
      throw unreachable(e);
    } catch (Exception e) {
      throw explained(e);
    }
  }

  /** {@code e}, or an explanation of it when it is a security failure. */
  private Exception explained(Exception e) {
    Exception security = dev.sluice.connector.kafka.internal.KafkaErrors.explainSecurity(e,
        source.bootstrapServers(), source.getConfiguration(),
        source.getTopics() != null ? source.getTopics() : List.of(String.valueOf(source.getTopicPattern())));
    return security != null ? security : e;
  }

  private Exception unreachable(Exception e) {
    return new IllegalStateException("Kafka at " + source.bootstrapServers() + " did not answer within "
        + source.getTimeoutMs() + " ms (is bootstrap.servers right and the broker up? "
        + "the timeout is KafkaSourceBuilder.setClientTimeout)", e);
  }

  private Set<TopicPartition> partitions() throws Exception {
    Admin a = admin();
    long timeout = source.getTimeoutMs();
    Collection<String> names;
    if (source.getTopics() != null) {
      names = source.getTopics();
    } else {
      Set<String> listed = get(a.listTopics(new ListTopicsOptions().listInternal(false)).names(), timeout);
      names = new ArrayList<>();
      for (String t : listed) {
        if (source.getTopicPattern().matcher(t).matches()) {
          names.add(t);
        }
      }
      if (names.isEmpty()) {
        return Set.of();
      }
    }
    Map<String, TopicDescription> descriptions;
    try {
      descriptions = get(a.describeTopics(names).allTopicNames(), timeout);
    } catch (UnknownTopicOrPartitionException e) {
      List<String> missing = new ArrayList<>();
      for (String t : names) {
        try {
          get(a.describeTopics(List.of(t)).allTopicNames(), timeout);
        } catch (UnknownTopicOrPartitionException e2) {
          missing.add(t);
        }
      }
      throw new IllegalStateException("Kafka topic " + (missing.isEmpty() ? names : missing)
          + " does not exist on " + source.bootstrapServers(), e);
    }
    Set<TopicPartition> result = new HashSet<>();
    for (TopicDescription d : descriptions.values()) {
      d.partitions().forEach(p -> result.add(new TopicPartition(d.name(), p.partition())));
    }
    return result;
  }

  private <V> V get(org.apache.kafka.common.KafkaFuture<V> future, long timeoutMs) throws Exception {
    try {
      return future.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException t) {
        throw unreachable(t);
      }
      throw explained(e.getCause() instanceof Exception ex ? ex : e);
    } catch (TimeoutException e) {
      throw unreachable(e);
    }
  }

  /** On the coordinator thread. */
  private void handleDiscovered(List<KafkaPartitionSplit> splits, Throwable error) {
    if (closed) {
      return;
    }
    if (error != null) {
      if (!initialDiscoveryFinished) {
        // the job cannot start: fail it with the reason
        throw error instanceof RuntimeException re ? re
            : new IllegalStateException("Kafka partition discovery failed: " + error.getMessage(), error);
      }
      LOG.warn("Kafka partition discovery failed (will retry): {}", error.toString());
      return;
    }
    for (KafkaPartitionSplit s : splits) {
      if (known.add(s.topicPartition())) {
        pending.computeIfAbsent(owner(s.topicPartition()), k -> new ArrayList<>()).add(s);
        if (initialDiscoveryFinished) {
          LOG.info("Discovered new Kafka partition {}, reading it from offset {}", s.splitId(), s.startingOffset());
        }
      }
    }
    initialDiscoveryFinished = true;
    assignPending();
  }

  private void assignPending() {
    Set<Integer> registered = context.registeredReaders();
    for (Integer reader : new ArrayList<>(pending.keySet())) {
      if (registered.contains(reader)) {
        for (KafkaPartitionSplit s : pending.remove(reader)) {
          context.assignSplit(s, reader);
        }
      }
    }
    if (source.getDiscoveryIntervalMs() <= 0 && initialDiscoveryFinished) {
      for (Integer reader : registered) {
        if (!pending.containsKey(reader) && signalledNoMore.add(reader)) {
          context.signalNoMoreSplits(reader);
        }
      }
    }
  }

  @Override
  public void handleSplitRequest(int subtaskId) {
    // splits are pushed, not pulled
  }

  @Override
  public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
    for (KafkaPartitionSplit s : splits) {
      pending.computeIfAbsent(owner(s.topicPartition()), k -> new ArrayList<>()).add(s);
    }
    signalledNoMore.remove(subtaskId);
  }

  @Override
  public void addReader(int subtaskId) {
    signalledNoMore.remove(subtaskId);
    assignPending();
  }

  @Override
  public KafkaSourceEnumState snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> unassigned = new ArrayList<>();
    pending.values().forEach(unassigned::addAll);
    Set<TopicPartition> assigned = new HashSet<>(known);
    unassigned.forEach(s -> assigned.remove(s.topicPartition()));
    return new KafkaSourceEnumState(assigned, unassigned, initialDiscoveryFinished);
  }

  @Override
  public void close() {
    closed = true;
    Admin a = admin;
    admin = null;
    if (a != null) {
      a.close(java.time.Duration.ofSeconds(2));
    }
  }
}
