/**
 * The source interface: splits, an enumerator that assigns them, and readers that read them.
 *
 * <p>A {@link dev.sluice.api.connector.source.Source} is a factory. At job start the runtime
 * creates one {@link dev.sluice.api.connector.source.SplitEnumerator}, which runs on the job's
 * coordinator thread, discovers the {@link dev.sluice.api.connector.source.SourceSplit}s (files,
 * ranges of a sequence, Kafka partitions) and assigns them to the parallel readers; and one
 * {@link dev.sluice.api.connector.source.SourceReader} per parallel subtask, which runs on that
 * subtask's thread.
 *
 * <p><b>Readers never block.</b> {@link
 * dev.sluice.api.connector.source.SourceReader#pollNext} emits what is ready — a small, bounded
 * number of records — and says whether more is available right away, nothing is available now, or
 * the input has ended. A reader whose client library blocks reads on a thread of its own and hands
 * records over through a bounded queue. A reader can report the position it has reached in each
 * split ({@link dev.sluice.api.connector.source.SourceReader#snapshotState}), which is what a
 * checkpoint stores.
 */
package dev.sluice.api.connector.source;
