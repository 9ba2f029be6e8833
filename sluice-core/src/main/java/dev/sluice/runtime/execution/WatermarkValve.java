package dev.sluice.runtime.execution;

/**
 * Combines the control state of a subtask's input channels: the subtask's watermark is the minimum
 * over channels that are neither idle nor ended, and never goes back; the subtask is idle when all
 * live channels are idle; the input has ended when every channel has.
 */
final class WatermarkValve {
  /** Returned when the combined watermark did not advance. */
  static final long NO_CHANGE = Long.MIN_VALUE;

  private final long[] watermarks;
  private final boolean[] idle;
  private final boolean[] ended;
  private int endedCount;
  private long current = Long.MIN_VALUE;

  WatermarkValve(int channels) {
    watermarks = new long[channels];
    java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
    idle = new boolean[channels];
    ended = new boolean[channels];
  }

  /** A channel's watermark; returns the new combined watermark or {@link #NO_CHANGE}. */
  long onWatermark(int channel, long watermark) {
    idle[channel] = false;
    if (watermark > watermarks[channel]) {
      watermarks[channel] = watermark;
    }
    return recompute();
  }

  /** A channel became idle or active; returns the new combined watermark or {@link #NO_CHANGE}. */
  long onIdleStatus(int channel, boolean isIdle) {
    idle[channel] = isIdle;
    return recompute();
  }

  /** A channel ended; returns the new combined watermark or {@link #NO_CHANGE}. */
  long onEnd(int channel) {
    if (!ended[channel]) {
      ended[channel] = true;
      endedCount++;
    }
    return recompute();
  }

  boolean isEnded(int channel) {
    return ended[channel];
  }

  boolean allEnded() {
    return endedCount == ended.length;
  }

  /** True when every channel that has not ended is idle (and at least one has not ended). */
  boolean allIdle() {
    boolean anyLive = false;
    for (int i = 0; i < idle.length; i++) {
      if (!ended[i]) {
        anyLive = true;
        if (!idle[i]) {
          return false;
        }
      }
    }
    return anyLive;
  }

  long current() {
    return current;
  }

  private long recompute() {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int i = 0; i < watermarks.length; i++) {
      if (!ended[i] && !idle[i]) {
        min = Math.min(min, watermarks[i]);
        any = true;
      }
    }
    if (!any) {
      if (!allEnded()) {
        return NO_CHANGE; // every live channel is idle: hold event time where it is
      }
      min = Long.MAX_VALUE;
      for (int i = 0; i < watermarks.length; i++) {
        min = Math.min(min, watermarks[i]);
      }
    }
    if (min > current) {
      current = min;
      return min;
    }
    return NO_CHANGE;
  }
}
