/**
 * The Nexmark events as a parallel Sluice source: {@link
 * dev.sluice.bench.nexmark.source.NexmarkSource}.
 *
 * <p>There is one {@link dev.sluice.bench.nexmark.source.NexmarkSplit} per reader, and split
 * {@code j} of {@code n} holds the positions {@code j, j + n, …} of the stream, so all readers
 * move through event time together, each with non-decreasing timestamps, and the union of their
 * output is the stream of a single {@link dev.sluice.bench.nexmark.generator.NexmarkGenerator}
 * whatever the parallelism. Split {@code j} goes to subtask {@code j}, never to another reader
 * that asks first: a reader that read two splits one after the other would go back in event time.
 * Records carry the event's {@code dateTime} as their timestamp.
 */
package dev.sluice.bench.nexmark.source;
