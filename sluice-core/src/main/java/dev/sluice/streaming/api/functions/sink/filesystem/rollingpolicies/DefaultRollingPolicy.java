package dev.sluice.streaming.api.functions.sink.filesystem.rollingpolicies;

import dev.sluice.streaming.api.functions.sink.filesystem.PartFileInfo;
import dev.sluice.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.time.Duration;

/**
 * Rolls a part file when it reaches a size, when it has been open for a while, or when nothing was
 * written to it for a while. Build one with {@link #builder()}; the defaults are 128 MiB, 60 s and
 * 60 s.
 *
 * <p>Time is looked at when the sink receives an element or a watermark: a file that stops
 * receiving anything stays open until the next commit.
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
  private static final long serialVersionUID = 1L;

  public static final long DEFAULT_MAX_PART_SIZE = 128L * 1024 * 1024;
  public static final long DEFAULT_ROLLOVER_INTERVAL_MS = 60_000;
  public static final long DEFAULT_INACTIVITY_INTERVAL_MS = 60_000;

  private final long maxPartSize;
  private final long rolloverIntervalMs;
  private final long inactivityIntervalMs;

  private DefaultRollingPolicy(long maxPartSize, long rolloverIntervalMs, long inactivityIntervalMs) {
    this.maxPartSize = maxPartSize;
    this.rolloverIntervalMs = rolloverIntervalMs;
    this.inactivityIntervalMs = inactivityIntervalMs;
  }

  public static PolicyBuilder builder() {
    return new PolicyBuilder();
  }

  @Override
  public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
    return partFileState.getSize() >= maxPartSize;
  }

  @Override
  public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) {
    return partFileState.getSize() >= maxPartSize;
  }

  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
    return currentTime - partFileState.getCreationTime() >= rolloverIntervalMs
        || currentTime - partFileState.getLastUpdateTime() >= inactivityIntervalMs;
  }

  public long getMaxPartSize() {
    return maxPartSize;
  }

  public long getRolloverInterval() {
    return rolloverIntervalMs;
  }

  public long getInactivityInterval() {
    return inactivityIntervalMs;
  }

  /** Builds a {@link DefaultRollingPolicy}. */
  public static final class PolicyBuilder {
    private long maxPartSize = DEFAULT_MAX_PART_SIZE;
    private long rolloverIntervalMs = DEFAULT_ROLLOVER_INTERVAL_MS;
    private long inactivityIntervalMs = DEFAULT_INACTIVITY_INTERVAL_MS;

    private PolicyBuilder() {}

    /** Roll once a part file has at least this many bytes. */
    public PolicyBuilder withMaxPartSize(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("The maximum part size must be positive, got " + bytes);
      }
      this.maxPartSize = bytes;
      return this;
    }

    /** Roll once a part file has been open this long. */
    public PolicyBuilder withRolloverInterval(Duration interval) {
      this.rolloverIntervalMs = positiveMillis(interval, "rollover interval");
      return this;
    }

    /** Roll once nothing was written to a part file for this long. */
    public PolicyBuilder withInactivityInterval(Duration interval) {
      this.inactivityIntervalMs = positiveMillis(interval, "inactivity interval");
      return this;
    }

    private static long positiveMillis(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("The " + what + " must be positive, got " + d);
      }
      return Math.max(1, d.toMillis());
    }

    public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
      return new DefaultRollingPolicy<>(maxPartSize, rolloverIntervalMs, inactivityIntervalMs);
    }
  }
}
