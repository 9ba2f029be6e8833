package dev.sluice.runtime.operators;

import dev.sluice.streaming.api.TimerService;

/** The timer service of a non-keyed process function: clocks only, timers are refused. */
public final class NonKeyedTimerService implements TimerService {
  private final AbstractStreamOperator<?> operator;

  public NonKeyedTimerService(AbstractStreamOperator<?> operator) {
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
    throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
  }
}
