package dev.sluice.connector.kafka.sink;

/**
 * A Kafka transaction that was flushed at a checkpoint barrier and waits to be committed when the
 * checkpoint completes: enough to commit it from another producer, even in another process.
 */
public record KafkaCommittable(String transactionalId, long producerId, short epoch, boolean transactionV2) {}
