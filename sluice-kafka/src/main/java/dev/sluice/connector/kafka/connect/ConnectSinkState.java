package dev.sluice.connector.kafka.connect;

/**
 * The state of a {@link ConnectSink} writer in a checkpoint: the next {@code SinkRecord} offset of
 * the Kafka partition the writer's subtask plays.
 */
public record ConnectSinkState(int partition, long nextOffset) {}
