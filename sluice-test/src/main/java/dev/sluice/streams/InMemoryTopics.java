package dev.sluice.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.utils.Utils;

/**
 * The topics of one {@link TopologyTestDriver}: partitions of serialized records in memory. The
 * job's sources and sinks find them through a registry by the driver's id (sources and sinks are
 * job objects, the topics belong to the driver).
 */
final class InMemoryTopics {
  private static final Map<String, InMemoryTopics> REGISTRY = new ConcurrentHashMap<>();
  private static final AtomicLong IDS = new AtomicLong();

  record Rec(byte[] key, byte[] value, long timestamp, int partition) {}

  /** One topic: its partitions (appended by one writer at a time) and what readers consumed. */
  static final class Topic {
    final String name;
    final int partitions;
    private final List<List<Rec>> parts = new ArrayList<>();
    private final AtomicLong[] consumed;
    private final List<Rec> arrival = new ArrayList<>();
    private int readIndex;
    private final AtomicInteger roundRobin = new AtomicInteger();

    Topic(String name, int partitions) {
      this.name = name;
      this.partitions = partitions;
      consumed = new AtomicLong[partitions];
      for (int p = 0; p < partitions; p++) {
        parts.add(new ArrayList<>());
        consumed[p] = new AtomicLong();
      }
    }

    /** The partition Kafka's default partitioner picks: murmur2 of the key bytes, round robin without a key. */
    int partitionFor(byte[] key) {
      return key == null ? Math.floorMod(roundRobin.getAndIncrement(), partitions)
          : Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    synchronized void append(byte[] key, byte[] value, long timestamp) {
      int p = partitionFor(key);
      Rec r = new Rec(key, value, timestamp, p);
      parts.get(p).add(r);
      arrival.add(r);
    }

    synchronized int size(int partition) {
      return parts.get(partition).size();
    }

    synchronized Rec get(int partition, int offset) {
      return parts.get(partition).get(offset);
    }

    void markConsumed(int partition, long position) {
      consumed[partition].set(position);
    }

    /** Whether readers have taken every record appended so far. */
    synchronized boolean fullyConsumed() {
      for (int p = 0; p < partitions; p++) {
        if (consumed[p].get() < parts.get(p).size()) {
          return false;
        }
      }
      return true;
    }

    /** Output side: the records not read yet by the test, in arrival order. */
    synchronized List<Rec> takeUnread(int max) {
      int end = (int) Math.min(arrival.size(), (long) readIndex + max);
      List<Rec> out = new ArrayList<>(arrival.subList(readIndex, end));
      readIndex = end;
      return out;
    }

    synchronized int unread() {
      return arrival.size() - readIndex;
    }
  }

  final String id = "driver-" + IDS.incrementAndGet();
  private final Map<String, Topic> topics = new ConcurrentHashMap<>();
  private final int defaultPartitions;

  InMemoryTopics(int defaultPartitions) {
    this.defaultPartitions = defaultPartitions;
    REGISTRY.put(id, this);
  }

  static InMemoryTopics of(String id) {
    InMemoryTopics t = REGISTRY.get(id);
    if (t == null) {
      throw new IllegalStateException("The test driver " + id + " is closed");
    }
    return t;
  }

  void create(String name, int partitions) {
    topics.put(name, new Topic(name, partitions));
  }

  Topic topic(String name) {
    return topics.computeIfAbsent(name, n -> new Topic(n, defaultPartitions));
  }

  Topic existing(String name) {
    return topics.get(name);
  }

  Iterable<Topic> all() {
    return topics.values();
  }

  void close() {
    REGISTRY.remove(id);
  }
}
