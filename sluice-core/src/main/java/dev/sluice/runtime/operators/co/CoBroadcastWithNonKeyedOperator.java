package dev.sluice.runtime.operators.co;

import dev.sluice.api.common.state.BroadcastState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReadOnlyBroadcastState;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.HeapBroadcastState;
import dev.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import dev.sluice.util.OutputTag;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is the non-broadcast stream, input 2 arrives
 * over a broadcast edge, so every instance sees every broadcast element and keeps the same
 * broadcast state.
 */
public final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, BroadcastProcessFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
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
  private ContextImpl ctx;
  private long elementTimestamp;

  public CoBroadcastWithNonKeyedOperator(BroadcastProcessFunction<IN1, IN2, OUT> function,
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
    readOnlyCtx = new ReadOnlyContextImpl(userFunction);
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

  private final class ReadOnlyContextImpl
      extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
    ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
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
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
      return states.readOnly(d);
    }
  }

  private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
    ContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
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
  }
}
