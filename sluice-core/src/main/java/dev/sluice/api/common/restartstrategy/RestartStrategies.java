package dev.sluice.api.common.restartstrategy;

import java.io.Serializable;
import java.time.Duration;

/**
 * What a job does when it fails: give up ({@link #noRestart()}), restart a fixed number of times
 * with a fixed delay, or restart with a delay that grows exponentially. A restarted job resumes
 * from its latest complete checkpoint (or from the beginning when it has none).
 */
public final class RestartStrategies {
  private RestartStrategies() {}

  /** Fail the job on the first failure. The default when checkpointing is off. */
  public static RestartStrategyConfiguration noRestart() {
    return new NoRestart();
  }

  /** Restart up to {@code attempts} times, waiting {@code delay} before each. */
  public static RestartStrategyConfiguration fixedDelayRestart(int attempts, Duration delay) {
    if (attempts < 0) {
      throw new IllegalArgumentException("restart attempts must be >= 0, got " + attempts);
    }
    checkDelay("delay", delay);
    return new FixedDelay(attempts, delay);
  }

  /**
   * Restart without limit, waiting {@code initialBackoff} before the first restart and multiplying
   * the wait by {@code multiplier} after each, up to {@code maxBackoff}. A job that ran for {@code
   * resetBackoffThreshold} without failing starts again from the initial wait. {@code jitter} (0 to
   * 1) randomises each wait by up to that fraction.
   */
  public static RestartStrategyConfiguration exponentialDelayRestart(Duration initialBackoff,
      Duration maxBackoff, double multiplier, Duration resetBackoffThreshold, double jitter) {
    checkDelay("initialBackoff", initialBackoff);
    checkDelay("maxBackoff", maxBackoff);
    checkDelay("resetBackoffThreshold", resetBackoffThreshold);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
    return new ExponentialDelay(initialBackoff, maxBackoff, multiplier, resetBackoffThreshold, jitter);
  }

  private static void checkDelay(String what, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be a non-negative duration, got " + d);
    }
  }

  /** A chosen restart strategy. */
  public sealed interface RestartStrategyConfiguration extends Serializable
      permits NoRestart, FixedDelay, ExponentialDelay {
    /** A short description for logs and error messages. */
    String describe();
  }

  /** Never restart. */
  public record NoRestart() implements RestartStrategyConfiguration {
    @Override
    public String describe() {
      return "no restart";
    }
  }

  /** At most {@code attempts} restarts, {@code delay} apart. */
  public record FixedDelay(int attempts, Duration delay) implements RestartStrategyConfiguration {
    @Override
    public String describe() {
      return "fixed delay (" + attempts + " attempts, " + delay.toMillis() + " ms)";
    }
  }

  /** Exponentially growing delays without a limit on attempts. */
  public record ExponentialDelay(Duration initialBackoff, Duration maxBackoff, double multiplier,
      Duration resetBackoffThreshold, double jitter) implements RestartStrategyConfiguration {
    @Override
    public String describe() {
      return "exponential delay (" + initialBackoff.toMillis() + " ms .. " + maxBackoff.toMillis() + " ms)";
    }
  }
}
