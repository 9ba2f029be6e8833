/**
 * The Streams DSL types, named as Kafka Streams' {@code org.apache.kafka.streams.kstream}: a
 * Kafka Streams program ports by replacing {@code org.apache.kafka.streams} with {@code
 * dev.sluice.streams} in its imports. See the design in {@link dev.sluice.streams}.
 */
package dev.sluice.streams.kstream;
