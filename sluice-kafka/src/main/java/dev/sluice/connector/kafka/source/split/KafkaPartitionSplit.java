package dev.sluice.connector.kafka.source.split;

import dev.sluice.api.connector.source.SourceSplit;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition of a topic, from {@code startingOffset} (the next offset to read) up to {@code
 * stoppingOffset} (exclusive), or without end when it is {@link #NO_STOPPING_OFFSET}.
 */
public record KafkaPartitionSplit(String topic, int partition, long startingOffset, long stoppingOffset)
    implements SourceSplit {
  /** The split has no end (an unbounded source). */
  public static final long NO_STOPPING_OFFSET = Long.MIN_VALUE;

  public KafkaPartitionSplit {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("a split needs a topic");
    }
    if (partition < 0 || startingOffset < 0) {
      throw new IllegalArgumentException("bad split " + topic + "-" + partition + " @" + startingOffset);
    }
  }

  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  public boolean bounded() {
    return stoppingOffset != NO_STOPPING_OFFSET;
  }

  /** The same partition, to be read from {@code offset} on. */
  public KafkaPartitionSplit withStartingOffset(long offset) {
    return new KafkaPartitionSplit(topic, partition, offset, stoppingOffset);
  }

  @Override
  public String splitId() {
    return topic + "-" + partition;
  }
}
