package dev.sluice.runtime.channel;

import dev.sluice.runtime.elements.ChannelItem;
import dev.sluice.runtime.elements.RecordBatch;
import org.jctools.queues.SpscArrayQueue;

/**
 * A bounded queue from one upstream subtask (the only writer) to one downstream subtask (the only
 * reader). Thread-safe for exactly that pair of threads.
 */
public final class Channel {
  private final SpscArrayQueue<ChannelItem> queue;
  private final SpscArrayQueue<RecordBatch> free;
  private final int batchSize;
  private final boolean keyed;
  private final String name;
  private Runnable wakeConsumer = () -> {};
  private Runnable wakeProducer = () -> {};

  /**
   * @param capacity how many items (batches or control elements) the queue holds
   * @param batchSize records per batch
   * @param keyed whether batches carry the writer's keys
   */
  public Channel(String name, int capacity, int batchSize, boolean keyed) {
    this.name = name;
    this.queue = new SpscArrayQueue<>(capacity);
    this.free = new SpscArrayQueue<>(capacity + 2);
    this.batchSize = batchSize;
    this.keyed = keyed;
  }

  /** Set before the job starts: how to wake the reader's worker when it may be parked. */
  public void setConsumerWaker(Runnable waker) {
    this.wakeConsumer = waker;
  }

  /** Set before the job starts: how to wake the writer's worker when it may be parked. */
  public void setProducerWaker(Runnable waker) {
    this.wakeProducer = waker;
  }

  /** Writer side: enqueues an item; false when the queue is full (the writer keeps the item). */
  public boolean offer(ChannelItem item) {
    if (queue.offer(item)) {
      wakeConsumer.run();
      return true;
    }
    return false;
  }

  /** Writer side: a batch to fill, reused from the free list when one is there. */
  public RecordBatch newBatch() {
    RecordBatch batch = free.poll();
    return batch != null ? batch : new RecordBatch(batchSize, keyed);
  }

  /** Reader side: the next item, or null when the queue is empty. */
  public ChannelItem poll() {
    ChannelItem item = queue.poll();
    if (item != null) {
      wakeProducer.run(); // it may be parked, waiting for room
    }
    return item;
  }

  /** Reader side: hands a drained batch back to the writer for reuse. */
  public void recycle(RecordBatch batch) {
    batch.clear();
    free.offer(batch); // when the free list is full the batch is simply left to the GC
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "Channel(" + name + ")";
  }
}
