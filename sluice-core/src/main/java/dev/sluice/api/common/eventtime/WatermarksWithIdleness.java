package dev.sluice.api.common.eventtime;

import java.time.Duration;

/**
 * Wraps a generator: when no record arrived for the idle timeout (measured on the job's
 * processing-time clock), the output is marked idle so it does not hold event time back; the next
 * record makes it active again.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> delegate;
  private final RelativeClock clock;
  private final long timeoutMillis;
  private long lastActivity;
  private boolean idle;

  public WatermarksWithIdleness(WatermarkGenerator<T> delegate, Duration idleTimeout, RelativeClock clock) {
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("The idle timeout must be positive, got " + idleTimeout);
    }
    this.delegate = delegate;
    this.clock = clock;
    this.timeoutMillis = idleTimeout.toMillis();
    this.lastActivity = clock.relativeTimeMillis();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    lastActivity = clock.relativeTimeMillis();
    if (idle) {
      idle = false;
      output.markActive();
    }
    delegate.onEvent(event, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (clock.relativeTimeMillis() - lastActivity >= timeoutMillis) {
      if (!idle) {
        idle = true;
        output.markIdle();
      }
    } else {
      delegate.onPeriodicEmit(output);
    }
  }
}
