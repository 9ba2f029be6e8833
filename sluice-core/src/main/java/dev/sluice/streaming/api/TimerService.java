package dev.sluice.streaming.api;

/** Reads the clocks and sets timers, from a process function's context. */
public interface TimerService {
  /** Message of the error raised when a timer is set on a stream that is not keyed. */
  String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed stream.";

  /** Message of the error raised when a timer is deleted on a stream that is not keyed. */
  String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed stream.";

  long currentProcessingTime();

  long currentWatermark();

  void registerProcessingTimeTimer(long time);

  void registerEventTimeTimer(long time);

  void deleteProcessingTimeTimer(long time);

  void deleteEventTimeTimer(long time);
}
