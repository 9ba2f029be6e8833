package dev.sluice.api.connector.source.util.ratelimit;

/** A limiter that permits everything. */
public final class NoOpRateLimiter implements RateLimiter {
  public static final NoOpRateLimiter INSTANCE = new NoOpRateLimiter();

  private NoOpRateLimiter() {}

  @Override
  public long availablePermits(long nowMillis) {
    return UNLIMITED;
  }

  @Override
  public void acquire(long permits) {}

  @Override
  public boolean isUnlimited() {
    return true;
  }
}
