package dev.sluice.streaming.api.functions;

import dev.sluice.api.common.functions.AbstractRichFunction;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;

/** Processes each element of a keyed stream, with the current key, keyed state and timers. */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** Called when a timer set for the current key fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** Valid only during the call it is passed to. */
  public abstract class Context {
    /** The element's timestamp, or null when it has none. */
    public abstract Long timestamp();

    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The key of the element being processed. */
    public abstract K getCurrentKey();
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();

    @Override
    public abstract K getCurrentKey();
  }
}
