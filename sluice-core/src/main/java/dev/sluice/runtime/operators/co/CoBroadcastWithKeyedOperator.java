package dev.sluice.runtime.operators.co;

import dev.sluice.api.common.state.BroadcastState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReadOnlyBroadcastState;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.KeyedTimerService;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.HeapBroadcastState;
import dev.sluice.runtime.state.KeyedStateFunction;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.sluice.util.OutputTag;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is keyed (the runtime sets its key before
 * each element; keyed state and timers work), input 2 arrives over a broadcast edge and has no
 * key. Broadcast state is per instance and changed only by input 2.
 */
public final class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<VoidNamespace> {
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private BroadcastStates states;
  private dev.sluice.runtime.checkpoint.OperatorRestore restored;

  @Override
  protected void initializeOperatorState(dev.sluice.runtime.checkpoint.OperatorRestore restore) throws Exception {
    super.initializeOperatorState(restore);
    this.restored = restore;
  }

  @Override
  protected void snapshotOperatorState(dev.sluice.runtime.checkpoint.SnapshotContext snapshot) throws Exception {
    super.snapshotOperatorState(snapshot);
    states.snapshot(snapshot);
  }
  private TimestampedCollector<OUT> collector;
  private ReadOnlyContextImpl readOnlyCtx;
  private OnTimerContextImpl timerCtx;
  private ContextImpl ctx;
  private long elementTimestamp;

  public CoBroadcastWithKeyedOperator(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public void open() throws Exception {
    states = new BroadcastStates(context.operatorName(), descriptors, restored);
    restored = null;
    super.open();
    collector = new TimestampedCollector<>(output);
    TimerService timers = new KeyedTimerService(this, createTimerService(this));
    readOnlyCtx = new ReadOnlyContextImpl(userFunction, timers);
    timerCtx = new OnTimerContextImpl(userFunction, timers);
    ctx = new ContextImpl(userFunction);
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    elementTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processElement(value, readOnlyCtx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    elementTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processBroadcastElement(value, ctx, collector);
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

  /** The broadcast states of this instance, by name (for tests). */
  public Map<String, HeapBroadcastState<?, ?>> broadcastStates() {
    return states.all();
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
  private KS currentKey() {
    return (KS) context.keyedState().currentKey();
  }

  private class ReadOnlyContextImpl
      extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
    private final TimerService timers;

    ReadOnlyContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
        TimerService timers) {
      function.super();
      this.timers = timers;
    }

    @Override
    public Long timestamp() {
      return timestampOrNull();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      sideOutput(outputTag, value);
    }

    @Override
    public long currentProcessingTime() {
      return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
      return states.readOnly(d);
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public KS getCurrentKey() {
      return currentKey();
    }
  }

  private final class OnTimerContextImpl
      extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
    private final TimerService timers;
    private TimeDomain domain;

    OnTimerContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
        TimerService timers) {
      function.super();
      this.timers = timers;
    }

    @Override
    public Long timestamp() {
      return timestampOrNull();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      sideOutput(outputTag, value);
    }

    @Override
    public long currentProcessingTime() {
      return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
      return states.readOnly(d);
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public TimeDomain timeDomain() {
      return domain;
    }

    @Override
    public KS getCurrentKey() {
      return currentKey();
    }
  }

  private final class ContextImpl
      extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
    ContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return timestampOrNull();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      sideOutput(outputTag, value);
    }

    @Override
    public long currentProcessingTime() {
      return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
      return states.get(d);
    }

    @Override
    public <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
        KeyedStateFunction<KS, S> function) throws Exception {
      if (stateDescriptor == null || function == null) {
        throw new NullPointerException("applyToKeyedState needs a state descriptor and a function");
      }
      context.keyedState().applyToAllKeys(stateDescriptor, function);
    }
  }
}
