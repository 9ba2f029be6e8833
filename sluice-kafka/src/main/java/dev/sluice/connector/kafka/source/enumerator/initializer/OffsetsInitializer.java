package dev.sluice.connector.kafka.source.enumerator.initializer;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Where reading starts (or, for a bounded source, stops) in each partition: the earliest or latest
 * offset, the group's committed offsets, the first record at or after a timestamp, or given
 * offsets. Resolved by the split enumerator when it discovers partitions.
 */
@SuppressWarnings("deprecation") // OffsetResetStrategy: Flink's API names it
public abstract class OffsetsInitializer implements Serializable {
  private static final long serialVersionUID = 1L;

  OffsetsInitializer() {}

  /** The first offset still in each partition. */
  public static OffsetsInitializer earliest() {
    return new Spec("earliest", -1, OffsetResetStrategy.EARLIEST);
  }

  /** The end of each partition when it is discovered (the next record to be written). */
  public static OffsetsInitializer latest() {
    return new Spec("latest", -1, OffsetResetStrategy.LATEST);
  }

  /** The first record whose timestamp is at or after {@code timestamp} (epoch ms); the end if none. */
  public static OffsetsInitializer timestamp(long timestamp) {
    return new Spec("timestamp", timestamp, OffsetResetStrategy.LATEST);
  }

  /** The consumer group's committed offsets; a partition without one is an error. */
  public static OffsetsInitializer committedOffsets() {
    return committedOffsets(OffsetResetStrategy.NONE);
  }

  /** The consumer group's committed offsets; a partition without one starts as {@code reset} says. */
  public static OffsetsInitializer committedOffsets(OffsetResetStrategy reset) {
    return new Committed(reset);
  }

  /** Given offsets; a partition not in the map starts at the earliest offset. */
  public static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets) {
    return offsets(offsets, OffsetResetStrategy.EARLIEST);
  }

  public static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets, OffsetResetStrategy reset) {
    return new Specific(new HashMap<>(offsets), reset);
  }

  /**
   * The offset of each partition. {@code groupId} may be null unless committed offsets are used.
   */
  public abstract Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
      Admin admin, String groupId, long timeoutMs) throws Exception;

  /** What a partition without a resolvable offset does. */
  public abstract OffsetResetStrategy getAutoOffsetResetStrategy();

  static Map<TopicPartition, Long> list(Admin admin, Collection<TopicPartition> partitions,
      OffsetSpec spec, long timeoutMs) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (TopicPartition tp : partitions) {
      request.put(tp, spec);
    }
    Map<TopicPartition, Long> result = new HashMap<>();
    if (request.isEmpty()) {
      return result;
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos =
        get(admin.listOffsets(request).all(), timeoutMs);
    infos.forEach((tp, info) -> result.put(tp, info.offset()));
    return result;
  }

  static <V> V get(org.apache.kafka.common.KafkaFuture<V> future, long timeoutMs) throws Exception {
    try {
      return future.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    } catch (TimeoutException e) {
      throw new TimeoutException("no answer from Kafka within " + timeoutMs + " ms");
    }
  }

  private static final class Spec extends OffsetsInitializer {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final long timestamp;
    private final OffsetResetStrategy reset;

    Spec(String kind, long timestamp, OffsetResetStrategy reset) {
      this.kind = kind;
      this.timestamp = timestamp;
      this.reset = reset;
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
        Admin admin, String groupId, long timeoutMs) throws Exception {
      switch (kind) {
        case "earliest":
          return list(admin, partitions, OffsetSpec.earliest(), timeoutMs);
        case "latest":
          return list(admin, partitions, OffsetSpec.latest(), timeoutMs);
        default:
          Map<TopicPartition, Long> at = list(admin, partitions, OffsetSpec.forTimestamp(timestamp), timeoutMs);
          Map<TopicPartition, Long> ends = null;
          for (Map.Entry<TopicPartition, Long> e : at.entrySet()) {
            if (e.getValue() < 0) { // no record at or after the timestamp: the end
              if (ends == null) {
                ends = list(admin, partitions, OffsetSpec.latest(), timeoutMs);
              }
              e.setValue(ends.get(e.getKey()));
            }
          }
          return at;
      }
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
      return reset;
    }

    @Override
    public String toString() {
      return kind.equals("timestamp") ? "timestamp(" + timestamp + ")" : kind;
    }
  }

  private static final class Committed extends OffsetsInitializer {
    private static final long serialVersionUID = 1L;
    private final OffsetResetStrategy reset;

    Committed(OffsetResetStrategy reset) {
      this.reset = reset;
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
        Admin admin, String groupId, long timeoutMs) throws Exception {
      if (groupId == null) {
        throw new IllegalArgumentException("Starting from committed offsets needs a group id (setGroupId)");
      }
      ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(List.copyOf(partitions));
      Map<TopicPartition, OffsetAndMetadata> committed =
          get(admin.listConsumerGroupOffsets(Map.of(groupId, spec)).partitionsToOffsetAndMetadata(groupId), timeoutMs);
      Map<TopicPartition, Long> result = new HashMap<>();
      List<TopicPartition> missing = new java.util.ArrayList<>();
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata om = committed.get(tp);
        if (om != null && om.offset() >= 0) {
          result.put(tp, om.offset());
        } else {
          missing.add(tp);
        }
      }
      if (!missing.isEmpty()) {
        if (reset == OffsetResetStrategy.NONE) {
          throw new IllegalStateException("Group '" + groupId + "' has no committed offset for " + missing
              + " (use committedOffsets(OffsetResetStrategy.EARLIEST) to start those from the beginning)");
        }
        result.putAll(list(admin, missing,
            reset == OffsetResetStrategy.EARLIEST ? OffsetSpec.earliest() : OffsetSpec.latest(), timeoutMs));
      }
      return result;
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
      return reset;
    }

    @Override
    public String toString() {
      return "committedOffsets(" + reset + ")";
    }
  }

  private static final class Specific extends OffsetsInitializer {
    private static final long serialVersionUID = 1L;
    private final HashMap<TopicPartition, Long> offsets;
    private final OffsetResetStrategy reset;

    Specific(HashMap<TopicPartition, Long> offsets, OffsetResetStrategy reset) {
      this.offsets = offsets;
      this.reset = reset;
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
        Admin admin, String groupId, long timeoutMs) throws Exception {
      Map<TopicPartition, Long> result = new HashMap<>();
      List<TopicPartition> missing = new java.util.ArrayList<>();
      for (TopicPartition tp : partitions) {
        Long o = offsets.get(tp);
        if (o != null) {
          result.put(tp, o);
        } else {
          missing.add(tp);
        }
      }
      if (!missing.isEmpty()) {
        if (reset == OffsetResetStrategy.NONE) {
          throw new IllegalStateException("No starting offset given for " + missing);
        }
        result.putAll(list(admin, missing,
            reset == OffsetResetStrategy.LATEST ? OffsetSpec.latest() : OffsetSpec.earliest(), timeoutMs));
      }
      return result;
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
      return reset;
    }

    @Override
    public String toString() {
      return "offsets(" + offsets + ")";
    }
  }
}
