package dev.sluice.streams;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SourceSplit;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.core.io.SimpleVersionedSerializer;
import dev.sluice.streams.internals.SerdeCalls;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads an in-memory topic of the test driver: one split per partition, partition {@code p} read
 * by reader {@code p % parallelism}, records with their timestamps, never ending. Each partition
 * has its own output (its own watermarks); a partition read to its end is marked idle until
 * records are piped into it again, as the Kafka source of the DSL does with caught-up partitions.
 */
final class InMemoryTopicSource implements Source<KeyValue<Object, Object>, InMemoryTopicSource.PartitionSplit,
    List<InMemoryTopicSource.PartitionSplit>> {
  private static final long serialVersionUID = 1L;

  record PartitionSplit(String topic, int partition, long position) implements SourceSplit {
    @Override
    public String splitId() {
      return topic + "-" + partition;
    }
  }

  private static final String NO_PARTITIONS = "__no-partitions";
  private final String driverId;
  private final String topic;
  private final Deserializer<Object> keys;
  private final Deserializer<Object> values;

  InMemoryTopicSource(String driverId, String topic, Deserializer<Object> keys, Deserializer<Object> values) {
    this.driverId = driverId;
    this.topic = topic;
    this.keys = keys;
    this.values = values;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<PartitionSplit, List<PartitionSplit>> createEnumerator(SplitEnumeratorContext<PartitionSplit> context) {
    List<PartitionSplit> splits = new ArrayList<>();
    int n = InMemoryTopics.of(driverId).topic(topic).partitions;
    for (int p = 0; p < n; p++) {
      splits.add(new PartitionSplit(topic, p, 0));
    }
    return new Enumerator(context, splits);
  }

  @Override
  public SplitEnumerator<PartitionSplit, List<PartitionSplit>> restoreEnumerator(
      SplitEnumeratorContext<PartitionSplit> context, List<PartitionSplit> checkpoint) {
    return new Enumerator(context, checkpoint);
  }

  /** Hands each reader its partitions when it registers. */
  private static final class Enumerator implements SplitEnumerator<PartitionSplit, List<PartitionSplit>> {
    private final SplitEnumeratorContext<PartitionSplit> context;
    private final List<PartitionSplit> unassigned;

    Enumerator(SplitEnumeratorContext<PartitionSplit> context, List<PartitionSplit> splits) {
      this.context = context;
      this.unassigned = new ArrayList<>(splits);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {}

    @Override
    public void addSplitsBack(List<PartitionSplit> splits, int subtaskId) {
      unassigned.addAll(splits);
      addReader(subtaskId);
    }

    @Override
    public void addReader(int subtaskId) {
      int parallelism = context.currentParallelism();
      for (var it = unassigned.iterator(); it.hasNext(); ) {
        PartitionSplit s = it.next();
        if (s.partition() % parallelism == subtaskId) {
          context.assignSplit(s, subtaskId);
          it.remove();
        }
      }
    }

    @Override
    public List<PartitionSplit> snapshotState(long checkpointId) {
      return List.copyOf(unassigned);
    }

    @Override
    public void close() {}
  }

  @Override
  public SourceReader<KeyValue<Object, Object>, PartitionSplit> createReader(SourceReaderContext context) {
    InMemoryTopics.Topic t = InMemoryTopics.of(driverId).topic(topic);
    return new SourceReader<>() {
      private final List<long[]> positions = new ArrayList<>();   // {partition, position}
      private final java.util.Map<Integer, SourceOutput<KeyValue<Object, Object>>> outputs = new java.util.HashMap<>();
      private final java.util.Set<Integer> idle = new java.util.HashSet<>();
      private String placeholder;

      @Override
      public void start() {}

      @Override
      public InputStatus pollNext(ReaderOutput<KeyValue<Object, Object>> output) {
        if (positions.isEmpty() != (placeholder != null)) {
          // a reader without partitions is idle: it must not hold event time back downstream
          if (placeholder == null) {
            placeholder = NO_PARTITIONS;
            output.createOutputForSplit(NO_PARTITIONS).markIdle();
          } else {
            output.releaseOutputForSplit(NO_PARTITIONS);
            placeholder = null;
          }
        }
        boolean more = false;
        for (long[] pp : positions) {
          int partition = (int) pp[0];
          SourceOutput<KeyValue<Object, Object>> out =
              outputs.computeIfAbsent(partition, p -> output.createOutputForSplit(topic + "-" + p));
          int size = t.size(partition);
          int end = (int) Math.min(size, pp[1] + 64);
          if (end > pp[1] && idle.remove(partition)) {
            out.markActive();
          }
          for (int i = (int) pp[1]; i < end; i++) {
            InMemoryTopics.Rec r = t.get(partition, i);
            Object key = r.key() == null ? null : SerdeCalls.deserialize(keys, topic, r.key(), true);
            Object value = r.value() == null ? null : SerdeCalls.deserialize(values, topic, r.value(), false);
            out.collect(new KeyValue<>(key, value), r.timestamp());
          }
          pp[1] = end;
          t.markConsumed(partition, end);
          more |= end < size;
          if (end == size && idle.add(partition)) {
            out.markIdle();                     // read to its end: holds event time back no longer
          }
        }
        return more ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
      }

      @Override
      public List<PartitionSplit> snapshotState(long checkpointId) {
        List<PartitionSplit> out = new ArrayList<>();
        for (long[] pp : positions) {
          out.add(new PartitionSplit(topic, (int) pp[0], pp[1]));
        }
        return out;
      }

      @Override
      public void addSplits(List<PartitionSplit> splits) {
        for (PartitionSplit s : splits) {
          positions.add(new long[] {s.partition(), s.position()});
          t.markConsumed(s.partition(), s.position());
        }
      }

      @Override
      public void notifyNoMoreSplits() {}

      @Override
      public void close() {}
    };
  }

  private static final VersionedCodecs.Writer<PartitionSplit> WRITER = (s, out) -> {
    out.writeUTF(s.topic());
    out.writeInt(s.partition());
    out.writeLong(s.position());
  };
  private static final VersionedCodecs.Reader<PartitionSplit> READER =
      (v, in) -> new PartitionSplit(in.readUTF(), in.readInt(), in.readLong());

  @Override
  public SimpleVersionedSerializer<PartitionSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, WRITER, READER);
  }

  @Override
  public SimpleVersionedSerializer<List<PartitionSplit>> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.listOf(1, WRITER, READER);
  }
}
