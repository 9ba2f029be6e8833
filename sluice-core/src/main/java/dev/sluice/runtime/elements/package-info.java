/**
 * The closed set of things that travel on a channel between subtasks.
 *
 * <p>Records travel in {@link dev.sluice.runtime.elements.RecordBatch batches} (values and
 * timestamps side by side, so a batch of a thousand records is one queue operation). Control
 * elements — {@link dev.sluice.runtime.elements.Watermark}, {@link
 * dev.sluice.runtime.elements.CheckpointBarrier}, {@link dev.sluice.runtime.elements.IdleStatus}
 * and {@link dev.sluice.runtime.elements.EndOfInput} — travel on the same channel, in order with
 * the records: a writer flushes its pending batch before it enqueues a control element, so a
 * reader sees exactly the order the writer produced. Both kinds are {@link
 * dev.sluice.runtime.elements.ChannelItem}s, a sealed type, so a reader's dispatch is exhaustive.
 */
package dev.sluice.runtime.elements;
