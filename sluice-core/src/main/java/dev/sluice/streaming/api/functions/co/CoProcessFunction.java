package dev.sluice.streaming.api.functions.co;

import dev.sluice.api.common.functions.AbstractRichFunction;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;

/** Processes the elements of two connected streams with timestamps, clocks and side outputs. */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** Valid only during the call it is passed to. */
  public abstract class Context {
    public abstract Long timestamp();

    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();
  }
}
