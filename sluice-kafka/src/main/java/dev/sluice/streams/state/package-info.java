/**
 * State store type names of the Streams DSL ({@code KeyValueStore}), kept so that Kafka Streams
 * code which names them in {@code Materialized} generics compiles unchanged. The state behind a
 * DSL table is Sluice keyed state, written into checkpoints; no store objects exist.
 */
package dev.sluice.streams.state;
