package dev.sluice.connector.kafka.source.enumerator;

import dev.sluice.connector.kafka.source.split.KafkaPartitionSplit;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What the enumerator keeps in a checkpoint: the partitions it has handed out (readers hold their
 * positions), the splits not yet handed out, and whether the first discovery is done.
 */
public record KafkaSourceEnumState(Set<TopicPartition> assignedPartitions,
    List<KafkaPartitionSplit> unassignedSplits, boolean initialDiscoveryFinished) {}
