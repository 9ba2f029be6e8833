package dev.sluice.runtime.operators;

import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.OutputTag;

/** Runs a {@link KeyedProcessFunction}; the runtime has set the current key before each call. */
public final class KeyedProcessOperator<K, IN, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<VoidNamespace> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;
  private OnTimerContextImpl timerCtx;
  private long elementTimestamp;

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
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

  private final class OnTimerContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
    private final TimerService timers;
    private TimeDomain domain;

    OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function, TimerService timers) {
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
      if (outputTag == null) {
        throw new IllegalArgumentException("The side output tag must not be null");
      }
      output.collect(outputTag, value, elementTimestamp);
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }

    @Override
    @SuppressWarnings("unchecked")
    public K getCurrentKey() {
      return (K) context.keyedState().currentKey();
    }
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    elementTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processElement(value, ctx, collector);
  }

  private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
    private final TimerService timers;

    ContextImpl(KeyedProcessFunction<K, IN, OUT> function, TimerService timers) {
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
      if (outputTag == null) {
        throw new IllegalArgumentException("The side output tag must not be null");
      }
      output.collect(outputTag, value, elementTimestamp);
    }

    @Override
    @SuppressWarnings("unchecked")
    public K getCurrentKey() {
      return (K) context.keyedState().currentKey();
    }
  }
}
