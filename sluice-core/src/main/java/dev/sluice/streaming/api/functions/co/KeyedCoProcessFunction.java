package dev.sluice.streaming.api.functions.co;

import dev.sluice.api.common.functions.AbstractRichFunction;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;

/**
 * Processes the elements of two connected streams that are keyed the same way. Both methods see
 * the key of the element at hand; keyed state (from the runtime context) and timers belong to that
 * key, and are shared by both inputs.
 *
 * @param <K> the key type
 * @param <IN1> elements of the first input
 * @param <IN2> elements of the second input
 * @param <OUT> results
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Called when a timer of the current key fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** Valid only during the call it is passed to. */
  public abstract class Context {
    /** The element's timestamp (or the firing timer's, in event time), null when there is none. */
    public abstract Long timestamp();

    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The key of the element being processed. */
    public abstract K getCurrentKey();
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();

    /** The key of the firing timer. */
    @Override
    public abstract K getCurrentKey();
  }
}
