package dev.sluice.connector.kafka.source;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.Source;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.api.connector.source.SplitEnumerator;
import dev.sluice.api.connector.source.SplitEnumeratorContext;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.connector.base.VersionedCodecs;
import dev.sluice.connector.kafka.source.enumerator.KafkaSourceEnumState;
import dev.sluice.connector.kafka.source.enumerator.KafkaSourceEnumerator;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.connector.kafka.source.reader.KafkaSourceReader;
import dev.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import dev.sluice.connector.kafka.source.split.KafkaPartitionSplit;
import dev.sluice.core.io.SimpleVersionedSerializer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads Kafka topics. Each partition is a split; the enumerator finds partitions (and, unless the
 * source is bounded, new ones every {@code partition.discovery.interval.ms}) and gives each to one
 * reader, chosen by a stable hash of the partition. A reader polls its partitions with a {@code
 * KafkaConsumer} on a thread of its own and hands the records to its subtask through a bounded
 * queue. Records carry their Kafka timestamps; watermarks are generated per partition.
 *
 * <p>The offsets are part of the job's checkpoints: after a failure the job reads on from the
 * offsets of the checkpoint it restores. When a checkpoint completes, the offsets it holds are
 * also committed to Kafka under the group id, for monitoring tools (never read back unless the
 * starting offsets are {@link OffsetsInitializer#committedOffsets()}).
 *
 * <pre>{@code
 * KafkaSource<String> source = KafkaSource.<String>builder()
 *     .setBootstrapServers("localhost:9092")
 *     .setTopics("input")
 *     .setGroupId("my-job")
 *     .setStartingOffsets(OffsetsInitializer.earliest())
 *     .setValueOnlyDeserializer(new SimpleStringSchema())
 *     .build();
 * env.fromSource(source, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(1)), "Kafka");
 * }</pre>
 */
public final class KafkaSource<T> implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState> {
  private static final long serialVersionUID = 1L;

  private final Properties properties;
  private final List<String> topics;
  private final Pattern topicPattern;
  private final OffsetsInitializer startingOffsets;
  private final OffsetsInitializer stoppingOffsets;
  private final KafkaRecordDeserializationSchema<T> deserializer;
  private final long discoveryIntervalMs;
  private final long timeoutMs;
  private final BadRecordPolicy badRecordPolicy;
  private final String deadLetterTopic;
  private final boolean commitOffsetsOnCheckpoint;
  private final boolean idleWhenCaughtUp;

  KafkaSource(KafkaSourceBuilder<T> b) {
    this.properties = b.properties;
    this.topics = b.topics;
    this.topicPattern = b.topicPattern;
    this.startingOffsets = b.startingOffsets;
    this.stoppingOffsets = b.stoppingOffsets;
    this.deserializer = b.deserializer;
    this.discoveryIntervalMs = b.discoveryIntervalMs;
    this.timeoutMs = b.timeoutMs;
    this.badRecordPolicy = b.badRecordPolicy;
    this.deadLetterTopic = b.deadLetterTopic;
    this.commitOffsetsOnCheckpoint = b.commitOffsetsOnCheckpoint;
    this.idleWhenCaughtUp = b.idleWhenCaughtUp;
  }

  public static <T> KafkaSourceBuilder<T> builder() {
    return new KafkaSourceBuilder<>();
  }

  @Override
  public Boundedness getBoundedness() {
    return stoppingOffsets != null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  /** The client properties (bootstrap servers, group id, and what was passed through). */
  public Properties getConfiguration() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  public List<String> getTopics() {
    return topics;
  }

  public Pattern getTopicPattern() {
    return topicPattern;
  }

  public OffsetsInitializer getStartingOffsets() {
    return startingOffsets;
  }

  /** Where a bounded source stops; null when unbounded. */
  public OffsetsInitializer getStoppingOffsets() {
    return stoppingOffsets;
  }

  /** Interval of partition discovery; 0 or less when disabled (always for a bounded source). */
  public long getDiscoveryIntervalMs() {
    return stoppingOffsets != null ? -1 : discoveryIntervalMs;
  }

  /** How long a call to Kafka (metadata, offsets) may take before the job fails with a clear error. */
  public long getTimeoutMs() {
    return timeoutMs;
  }

  public BadRecordPolicy getBadRecordPolicy() {
    return badRecordPolicy;
  }

  public String getDeadLetterTopic() {
    return deadLetterTopic;
  }

  public boolean isCommitOffsetsOnCheckpoint() {
    return commitOffsetsOnCheckpoint;
  }

  /** Whether caught-up partitions are marked idle ({@link KafkaSourceBuilder#setIdleWhenCaughtUp}). */
  public boolean isIdleWhenCaughtUp() {
    return idleWhenCaughtUp;
  }

  public KafkaRecordDeserializationSchema<T> getDeserializer() {
    return deserializer;
  }

  /** The type of the records, when the deserializer knows it. */
  public TypeInformation<T> getProducedType() {
    return deserializer.getProducedType();
  }

  public String bootstrapServers() {
    return properties.getProperty("bootstrap.servers");
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context) {
    return new KafkaSourceEnumerator(this, context, null);
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState checkpoint) {
    return new KafkaSourceEnumerator(this, context, checkpoint);
  }

  @Override
  public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context) throws Exception {
    return new KafkaSourceReader<>(this, context);
  }

  private static final VersionedCodecs.Writer<KafkaPartitionSplit> SPLIT_WRITER = (s, out) -> {
    out.writeUTF(s.topic());
    out.writeInt(s.partition());
    out.writeLong(s.startingOffset());
    out.writeLong(s.stoppingOffset());
  };
  private static final VersionedCodecs.Reader<KafkaPartitionSplit> SPLIT_READER =
      (v, in) -> new KafkaPartitionSplit(in.readUTF(), in.readInt(), in.readLong(), in.readLong());

  @Override
  public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
    return VersionedCodecs.of(1, SPLIT_WRITER, SPLIT_READER);
  }

  @Override
  public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
    return VersionedCodecs.of(1, (state, out) -> {
      out.writeInt(state.assignedPartitions().size());
      for (TopicPartition tp : state.assignedPartitions()) {
        out.writeUTF(tp.topic());
        out.writeInt(tp.partition());
      }
      out.writeInt(state.unassignedSplits().size());
      for (KafkaPartitionSplit s : state.unassignedSplits()) {
        SPLIT_WRITER.write(s, out);
      }
      out.writeBoolean(state.initialDiscoveryFinished());
    }, (v, in) -> {
      int n = in.readInt();
      Set<TopicPartition> assigned = new HashSet<>();
      for (int i = 0; i < n; i++) {
        assigned.add(new TopicPartition(in.readUTF(), in.readInt()));
      }
      int m = in.readInt();
      List<KafkaPartitionSplit> unassigned = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        unassigned.add(SPLIT_READER.read(v, in));
      }
      return new KafkaSourceEnumState(assigned, unassigned, in.readBoolean());
    });
  }
}
