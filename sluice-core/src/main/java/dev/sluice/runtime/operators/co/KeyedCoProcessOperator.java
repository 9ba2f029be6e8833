package dev.sluice.runtime.operators.co;

import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.KeyedTimerService;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.sluice.util.OutputTag;

/**
 * Runs a {@link KeyedCoProcessFunction} on two connected streams keyed alike. The runtime sets the
 * current key before each element of either input, so keyed state and timers are shared by both.
 */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<VoidNamespace> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;
  private OnTimerContextImpl timerCtx;
  private long elementTimestamp;

  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    TimerService timers = new KeyedTimerService(this, createTimerService(this));
    ctx = new ContextImpl(userFunction, timers);
    timerCtx = new OnTimerContextImpl(userFunction, timers);
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    elementTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processElement1(value, ctx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    elementTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processElement2(value, ctx, collector);
  }

  @Override
  public void onEventTime(InternalTimer<VoidNamespace> timer) throws Exception {
    elementTimestamp = timer.timestamp();
    collector.setTimestamp(timer.timestamp());
    timerCtx.domain = TimeDomain.EVENT_TIME;
    userFunction.onTimer(timer.timestamp(), timerCtx, collector);
  }

  @Override
  public void onProcessingTime(InternalTimer<VoidNamespace> timer) throws Exception {
    elementTimestamp = RecordBatch.NO_TIMESTAMP;
    collector.eraseTimestamp();
    timerCtx.domain = TimeDomain.PROCESSING_TIME;
    userFunction.onTimer(timer.timestamp(), timerCtx, collector);
  }

  private Long timestampOrNull() {
    return elementTimestamp == RecordBatch.NO_TIMESTAMP ? null : elementTimestamp;
  }

  private <X> void sideOutput(OutputTag<X> tag, X value) {
    if (tag == null) {
      throw new IllegalArgumentException("The side output tag must not be null");
    }
    output.collect(tag, value, elementTimestamp);
  }

  @SuppressWarnings("unchecked")
  private K currentKey() {
    return (K) context.keyedState().currentKey();
  }

  private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
    private final TimerService timers;

    ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, TimerService timers) {
      function.super();
      this.timers = timers;
    }

    @Override
    public Long timestamp() {
      return timestampOrNull();
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      sideOutput(outputTag, value);
    }

    @Override
    public K getCurrentKey() {
      return currentKey();
    }
  }

  private final class OnTimerContextImpl
      extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
    private final TimerService timers;
    private TimeDomain domain;

    OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, TimerService timers) {
      function.super();
      this.timers = timers;
    }

    @Override
    public Long timestamp() {
      return timestampOrNull();
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      sideOutput(outputTag, value);
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }

    @Override
    public K getCurrentKey() {
      return currentKey();
    }
  }
}
