package dev.sluice.api.common.state;

import java.io.Serializable;
import java.time.Duration;

/**
 * Time-to-live of keyed state values: a value not written (or, with {@link
 * UpdateType#OnReadAndWrite}, not read or written) for the configured time has expired. Expired
 * values are never returned (with the default visibility), are removed when they are accessed,
 * are left out of checkpoints, and are cleaned up in the background a few entries at a time as
 * the state is used. Time is processing time. Enable it with {@link
 * StateDescriptor#enableTimeToLive(StateTtlConfig)}.
 */
public final class StateTtlConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** When a value's time to live starts again. */
  public enum UpdateType {
    /** TTL is off. */
    Disabled,
    /** On creation and on every write. */
    OnCreateAndWrite,
    /** On creation, every write and every read. */
    OnReadAndWrite
  }

  /** Whether an expired value that was not cleaned up yet may still be returned. */
  public enum StateVisibility {
    ReturnExpiredIfNotCleanedUp,
    NeverReturnExpired
  }

  /** The time TTL is measured in. */
  public enum TtlTimeCharacteristic {
    ProcessingTime
  }

  public static final StateTtlConfig DISABLED = new StateTtlConfig(UpdateType.Disabled,
      StateVisibility.NeverReturnExpired, Duration.ofMillis(Long.MAX_VALUE), false, 0);

  private final UpdateType updateType;
  private final StateVisibility visibility;
  private final Duration ttl;
  private final boolean cleanupFullSnapshot;
  private final int cleanupSize;

  private StateTtlConfig(UpdateType updateType, StateVisibility visibility, Duration ttl,
      boolean cleanupFullSnapshot, int cleanupSize) {
    this.updateType = updateType;
    this.visibility = visibility;
    this.ttl = ttl;
    this.cleanupFullSnapshot = cleanupFullSnapshot;
    this.cleanupSize = cleanupSize;
  }

  /** A builder for a time to live of {@code ttl}, which must be positive. */
  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  public boolean isEnabled() {
    return updateType != UpdateType.Disabled;
  }

  public UpdateType getUpdateType() {
    return updateType;
  }

  public StateVisibility getStateVisibility() {
    return visibility;
  }

  public Duration getTtl() {
    return ttl;
  }

  public TtlTimeCharacteristic getTtlTimeCharacteristic() {
    return TtlTimeCharacteristic.ProcessingTime;
  }

  /** Whether checkpoints leave expired values out (default true). */
  public boolean isCleanupInFullSnapshot() {
    return cleanupFullSnapshot;
  }

  /** Entries checked for expiry in the background per state access (0 = no background cleanup). */
  public int getCleanupSize() {
    return cleanupSize;
  }

  @Override
  public String toString() {
    return "StateTtlConfig{ttl=" + ttl + ", update=" + updateType + ", visibility=" + visibility + "}";
  }

  /** Builds a {@link StateTtlConfig}. */
  public static final class Builder {
    private Duration ttl;
    private UpdateType updateType = UpdateType.OnCreateAndWrite;
    private StateVisibility visibility = StateVisibility.NeverReturnExpired;
    private boolean cleanupFullSnapshot = true;
    private int cleanupSize = 5;

    private Builder(Duration ttl) {
      setTtl(ttl);
    }

    public Builder setTtl(Duration ttl) {
      if (ttl == null || ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("The time to live of state must be positive, got " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    public Builder setUpdateType(UpdateType updateType) {
      if (updateType == null) {
        throw new IllegalArgumentException("The update type must not be null");
      }
      this.updateType = updateType;
      return this;
    }

    public Builder updateTtlOnCreateAndWrite() {
      return setUpdateType(UpdateType.OnCreateAndWrite);
    }

    public Builder updateTtlOnReadAndWrite() {
      return setUpdateType(UpdateType.OnReadAndWrite);
    }

    public Builder setStateVisibility(StateVisibility visibility) {
      if (visibility == null) {
        throw new IllegalArgumentException("The state visibility must not be null");
      }
      this.visibility = visibility;
      return this;
    }

    public Builder neverReturnExpired() {
      return setStateVisibility(StateVisibility.NeverReturnExpired);
    }

    public Builder returnExpiredIfNotCleanedUp() {
      return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
    }

    public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
      if (characteristic != TtlTimeCharacteristic.ProcessingTime) {
        throw new IllegalArgumentException("Only processing time is supported for state TTL");
      }
      return this;
    }

    /** Leave expired values out of checkpoints (the default). */
    public Builder cleanupFullSnapshot() {
      this.cleanupFullSnapshot = true;
      return this;
    }

    /**
     * Check {@code cleanupSize} entries of the state for expiry on every access, removing the
     * expired ones (default 5). {@code runCleanupForEveryRecord} is accepted for compatibility.
     */
    public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
      if (cleanupSize < 0) {
        throw new IllegalArgumentException("The cleanup size must not be negative, got " + cleanupSize);
      }
      this.cleanupSize = cleanupSize;
      return this;
    }

    /** No background cleanup: expired values go when they are accessed or at checkpoints. */
    public Builder disableCleanupInBackground() {
      this.cleanupSize = 0;
      return this;
    }

    public StateTtlConfig build() {
      return new StateTtlConfig(updateType, visibility, ttl, cleanupFullSnapshot, cleanupSize);
    }
  }
}
