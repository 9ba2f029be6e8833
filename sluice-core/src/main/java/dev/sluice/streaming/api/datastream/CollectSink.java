package dev.sluice.streaming.api.datastream;

import dev.sluice.api.connector.sink2.Sink;
import dev.sluice.api.connector.sink2.SinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import java.util.concurrent.BlockingQueue;

/**
 * Hands the elements of a job to the thread that iterates {@code executeAndCollect()}: through a
 * bounded queue, so a slow reader holds the job back instead of letting memory grow.
 */
final class CollectSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  /** Marks the end of the elements. */
  static final Object END = new Object();

  private final transient BlockingQueue<Object> queue;

  CollectSink(BlockingQueue<Object> queue) {
    this.queue = queue;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) throws InterruptedException {
        queue.put(element);
      }

      @Override
      public void flush(boolean endOfInput) throws InterruptedException {
        if (endOfInput) {
          queue.put(END);
        }
      }

      @Override
      public void close() {}
    };
  }
}
