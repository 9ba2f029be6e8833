package dev.sluice.runtime.operators.co;

import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.KeyedTimerService;
import dev.sluice.runtime.operators.NonKeyedTimerService;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.streaming.api.functions.co.CoProcessFunction;
import dev.sluice.util.OutputTag;

/**
 * Runs a {@link CoProcessFunction} on two connected streams. When both are keyed (the head is
 * keyed), timers work and fire per key, as in Flink; otherwise setting a timer fails.
 */
public final class CoProcessOperator<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, CoProcessFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<VoidNamespace> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;
  private OnTimerContextImpl timerCtx;
  private long elementTimestamp;

  public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    TimerService timers = context.keyedState() != null
        ? new KeyedTimerService(this, createTimerService(this))
        : new NonKeyedTimerService(this);
    ctx = new ContextImpl(userFunction, timers);
    timerCtx = new OnTimerContextImpl(userFunction, timers);
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

  private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context {
    private final TimerService timers;

    ContextImpl(CoProcessFunction<IN1, IN2, OUT> function, TimerService timers) {
      function.super();
      this.timers = timers;
    }

    @Override
    public Long timestamp() {
      return elementTimestamp == RecordBatch.NO_TIMESTAMP ? null : elementTimestamp;
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, elementTimestamp);
    }
  }

  private final class OnTimerContextImpl extends CoProcessFunction<IN1, IN2, OUT>.OnTimerContext {
    private final TimerService timers;
    private TimeDomain domain;

    OnTimerContextImpl(CoProcessFunction<IN1, IN2, OUT> function, TimerService timers) {
      function.super();
      this.timers = timers;
    }

    @Override
    public Long timestamp() {
      return elementTimestamp == RecordBatch.NO_TIMESTAMP ? null : elementTimestamp;
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, elementTimestamp);
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }
  }
}
