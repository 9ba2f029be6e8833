package dev.sluice.runtime.time;

import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * Processing-time callbacks of one subtask. {@link #schedule} may be called by the subtask's
 * operators only; {@link #fireDue} is called by the subtask between slices of work.
 */
public final class ProcessingTimeService {
  /** Runs when processing time reaches the time it was scheduled for. */
  @FunctionalInterface
  public interface Callback {
    void onProcessingTime(long time) throws Exception;
  }

  private record Scheduled(long time, long sequence, Callback callback) {}

  private final LongSupplier clock;
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
      (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
  private long sequence;

  public ProcessingTimeService(LongSupplier clock) {
    this.clock = clock;
  }

  public long currentProcessingTime() {
    return clock.getAsLong();
  }

  /** Runs {@code callback} once processing time has reached {@code time}. */
  public void schedule(long time, Callback callback) {
    queue.add(new Scheduled(time, sequence++, callback));
  }

  /** Whether any callback is due now (reads the clock only when one is scheduled). */
  public boolean hasDue() {
    Scheduled next = queue.peek();
    return next != null && next.time <= clock.getAsLong();
  }

  /** Runs the callbacks that are due, in time order; returns how many ran. */
  public int fireDue() throws Exception {
    if (queue.isEmpty()) {
      return 0;
    }
    long now = clock.getAsLong();
    int fired = 0;
    Scheduled next;
    while ((next = queue.peek()) != null && next.time <= now) {
      queue.poll();
      next.callback.onProcessingTime(next.time);
      fired++;
    }
    return fired;
  }
}
