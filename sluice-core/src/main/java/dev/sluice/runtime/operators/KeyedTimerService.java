package dev.sluice.runtime.operators;

import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.streaming.api.TimerService;

/** The timer service a keyed process function sees: timers of the current key. */
public final class KeyedTimerService implements TimerService {
  private final AbstractStreamOperator<?> operator;
  private final InternalTimerService<VoidNamespace> timers;

  public KeyedTimerService(AbstractStreamOperator<?> operator, InternalTimerService<VoidNamespace> timers) {
    this.operator = operator;
    this.timers = timers;
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
    timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
  }
}
