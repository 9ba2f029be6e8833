package dev.sluice.api.connector.source.util.ratelimit;

/**
 * Paces one source reader without blocking it. The reader asks how many records it may emit at
 * the current processing time, emits at most that many, and reports what it emitted; when nothing
 * is permitted it returns {@code NOTHING_AVAILABLE} and asks again on its next poll.
 *
 * <p>Not thread-safe: a limiter belongs to one reader and is used on its subtask's thread.
 */
public interface RateLimiter {
  /** Returned by {@link #availablePermits} when the limiter imposes no limit. */
  long UNLIMITED = Long.MAX_VALUE;

  /**
   * The number of records that may be emitted at {@code nowMillis} (processing time, epoch ms)
   * without exceeding the rate; 0 when the reader is ahead of schedule. Never blocks.
   */
  long availablePermits(long nowMillis);

  /** Records {@code permits} emitted records against the rate. */
  void acquire(long permits);

  /** Whether this limiter never limits, so callers may skip reading the clock. */
  default boolean isUnlimited() {
    return false;
  }
}
