package dev.sluice.runtime.operators.co;

import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.NonKeyedTimerService;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.streaming.api.functions.co.CoProcessFunction;
import dev.sluice.util.OutputTag;

/** Runs a {@link CoProcessFunction} on two connected, non-keyed streams. */
public final class CoProcessOperator<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, CoProcessFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;
  private long elementTimestamp;

  public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    super.open();
    collector = new TimestampedCollector<>(output);
    ctx = new ContextImpl(userFunction, new NonKeyedTimerService(this));
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
}
