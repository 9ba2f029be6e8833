package dev.sluice.runtime.time;

/** An operator whose keyed timers fire. The timer's key is the current key during the call. */
public interface Triggerable<N> {
  void onEventTime(InternalTimer<N> timer) throws Exception;

  void onProcessingTime(InternalTimer<N> timer) throws Exception;
}
