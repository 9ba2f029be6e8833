package dev.sluice.api.connector.source.util.ratelimit;

import java.io.Serializable;

/**
 * Creates the {@link RateLimiter} of each parallel reader of a source. A strategy describes the
 * rate of the whole source; the limiter of each reader gets its share.
 */
@FunctionalInterface
public interface RateLimiterStrategy extends Serializable {
  /** The limiter of one of {@code parallelism} readers. */
  RateLimiter createRateLimiter(int parallelism);

  /**
   * At most {@code recordsPerSecond} records per second over the whole source, divided evenly
   * among its parallel readers.
   */
  static RateLimiterStrategy perSecond(double recordsPerSecond) {
    if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
      throw new IllegalArgumentException(
          "The rate must be a positive, finite number of records per second, got " + recordsPerSecond);
    }
    return new PerSecondStrategy(recordsPerSecond);
  }

  /** No limit: readers emit as fast as the job takes records. */
  static RateLimiterStrategy noOp() {
    return NoOpStrategy.INSTANCE;
  }

  /** The strategy of {@link #perSecond}. */
  record PerSecondStrategy(double recordsPerSecond) implements RateLimiterStrategy {
    private static final long serialVersionUID = 1L;

    @Override
    public RateLimiter createRateLimiter(int parallelism) {
      if (parallelism <= 0) {
        throw new IllegalArgumentException("The parallelism must be at least 1, got " + parallelism);
      }
      return new ScheduleRateLimiter(recordsPerSecond / parallelism);
    }
  }

  /** The strategy of {@link #noOp}. */
  enum NoOpStrategy implements RateLimiterStrategy {
    INSTANCE;

    @Override
    public RateLimiter createRateLimiter(int parallelism) {
      return NoOpRateLimiter.INSTANCE;
    }
  }
}
