/**
 * Bounded channels between subtasks, and the writers that fill them.
 *
 * <p>A {@link dev.sluice.runtime.channel.Channel} connects one upstream subtask to one downstream
 * subtask: a bounded single-producer single-consumer queue of {@link
 * dev.sluice.runtime.elements.ChannelItem}s plus a free list through which drained batches go back
 * to the writer for reuse. Its capacity bounds the memory between two subtasks.
 *
 * <p><b>Backpressure.</b> A {@link dev.sluice.runtime.channel.ChannelWriter} never blocks: when the
 * queue is full it keeps the item in a small overflow list and tells its {@link
 * dev.sluice.runtime.channel.OutputGate}, which the subtask consults before it takes the next
 * input. So a full channel stops the producer after at most the output of one input record, and
 * the producer resumes, in order, once the consumer has made room. Nothing is dropped.
 *
 * <p><b>Exchanges.</b> A {@link dev.sluice.runtime.channel.RecordWriter} routes the records of one
 * edge to its channels: forward, rebalance (round robin), shuffle (random), broadcast, or by key
 * group ({@link dev.sluice.runtime.channel.KeyGroups}). Control elements go to every channel.
 */
package dev.sluice.runtime.channel;
