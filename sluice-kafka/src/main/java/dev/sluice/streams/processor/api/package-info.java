/**
 * The processor API of the Streams DSL, for {@code KStream.process}: a {@link
 * dev.sluice.streams.processor.api.Processor} per task sees {@link
 * dev.sluice.streams.processor.api.Record}s and forwards new ones. State stores and punctuation
 * are not supported yet.
 */
package dev.sluice.streams.processor.api;
