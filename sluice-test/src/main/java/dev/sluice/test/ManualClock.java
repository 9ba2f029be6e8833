package dev.sluice.test;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A processing-time clock that only moves when a test moves it. It reads as epoch milliseconds and
 * can be handed to {@code env.getConfig().setProcessingTimeClock(..)} or to a harness. Thread-safe:
 * a test thread may move it while subtasks read it.
 */
public final class ManualClock implements LongSupplier {
  private final AtomicLong now;

  /** A clock standing at 0 ms. */
  public ManualClock() {
    this(0L);
  }

  /** A clock standing at {@code startMillis}. */
  public ManualClock(long startMillis) {
    this.now = new AtomicLong(startMillis);
  }

  /** The current time in milliseconds. */
  @Override
  public long getAsLong() {
    return now.get();
  }

  /** Same as {@link #getAsLong()}. */
  public long millis() {
    return now.get();
  }

  /** Moves the clock forward by {@code duration} (not negative); returns the new time. */
  public long advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A clock can only be advanced by a non-negative duration, got "
          + duration);
    }
    return now.addAndGet(duration.toMillis());
  }

  /** Moves the clock forward by {@code millis} (not negative); returns the new time. */
  public long advance(long millis) {
    return advance(Duration.ofMillis(millis));
  }

  /**
   * Sets the clock to {@code millis}. Going backwards is allowed (a wall clock can do that too), so
   * tests can check how their code copes with it.
   */
  public void set(long millis) {
    now.set(millis);
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + " ms]";
  }
}
