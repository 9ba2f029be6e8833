package dev.sluice.runtime.operators;

import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.OutputTag;

/** Runs a {@link KeyedProcessFunction}; the runtime has set the current key before each call. */
public final class KeyedProcessOperator<K, IN, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;
  private long elementTimestamp;

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    ctx = new ContextImpl(userFunction, new KeyedTimerService(this));
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
