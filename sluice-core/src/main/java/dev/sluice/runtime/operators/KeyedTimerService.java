package dev.sluice.runtime.operators;

import dev.sluice.streaming.api.TimerService;

/**
 * The timer service of a keyed operator. This version reads the clocks; keyed timers (registered
 * per key and time, fired on the subtask's thread) are added together with event-time windows.
 */
final class KeyedTimerService implements TimerService {
  private static final String NOT_YET =
      "Keyed timers are not available in this version of Sluice yet; they come with event-time "
          + "windows. Reading currentWatermark() and currentProcessingTime() works.";

  private final AbstractStreamOperator<?> operator;

  KeyedTimerService(AbstractStreamOperator<?> operator) {
    this.operator = operator;
  }

  @Override
  public long currentProcessingTime() {
    return operator.context().currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return operator.currentWatermark;
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    throw new UnsupportedOperationException(NOT_YET);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw new UnsupportedOperationException(NOT_YET);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw new UnsupportedOperationException(NOT_YET);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw new UnsupportedOperationException(NOT_YET);
  }
}
