package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.JobCancellationException;
import dev.sluice.core.execution.JobClient;
import dev.sluice.util.CloseableIterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Iterates what a {@link CollectSink} receives; surfaces the job's failure as an exception. */
final class CollectIterator<T> implements CloseableIterator<T> {
  private static final int CAPACITY = 4096;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private JobClient client;
  private Object next;
  private boolean ended;

  BlockingQueue<Object> queue() {
    return queue;
  }

  void attach(JobClient client) {
    this.client = client;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (ended) {
      return false;
    }
    try {
      while (true) {
        Object item = queue.poll(50, TimeUnit.MILLISECONDS);
        if (item == CollectSink.END) {
          ended = true;
          awaitJob();
          return false;
        }
        if (item != null) {
          next = item;
          return true;
        }
        if (client.getJobExecutionResult().isDone() && queue.isEmpty()) {
          ended = true;
          awaitJob();
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the job's output", e);
    }
  }

  private void awaitJob() {
    try {
      client.getJobExecutionResult().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof JobCancellationException) {
        return;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T value = (T) next;
    next = null;
    return value;
  }

  @Override
  public void close() throws Exception {
    if (!client.getJobExecutionResult().isDone()) {
      client.cancel().get();
    }
  }
}
