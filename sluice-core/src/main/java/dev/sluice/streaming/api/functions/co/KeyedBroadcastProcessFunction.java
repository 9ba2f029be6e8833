package dev.sluice.streaming.api.functions.co;

import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.runtime.state.KeyedStateFunction;
import dev.sluice.streaming.api.TimeDomain;
import dev.sluice.streaming.api.TimerService;
import dev.sluice.util.Collector;

/**
 * Processes a keyed stream connected with a broadcast stream. The keyed side has the current key,
 * keyed state and timers; the broadcast side may change the broadcast state and reach the keyed
 * state of all keys through {@link Context#applyToKeyedState}.
 *
 * @param <KS> the key type of the keyed side
 * @param <IN1> elements of the keyed stream
 * @param <IN2> elements of the broadcast stream
 * @param <OUT> results
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>
    extends BaseBroadcastProcessFunction {
  private static final long serialVersionUID = 1L;

  /** An element of the keyed side; the broadcast state is read-only here. */
  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
      throws Exception;

  /** An element of the broadcast side; it may change the broadcast state. */
  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
      throws Exception;

  /** Called when a timer of the current key fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** The context of {@link #processBroadcastElement}. */
  public abstract class Context extends BaseBroadcastProcessFunction.Context {
    /**
     * Runs {@code function} for every key of this parallel instance that has a value in the keyed
     * state {@code stateDescriptor} names, with that key's state.
     */
    public abstract <VS, S extends State> void applyToKeyedState(
        StateDescriptor<S, VS> stateDescriptor, KeyedStateFunction<KS, S> function) throws Exception;
  }

  /** The context of {@link #processElement}. */
  public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
    public abstract TimerService timerService();

    /** The key of the element being processed. */
    public abstract KS getCurrentKey();
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends ReadOnlyContext {
    public abstract TimeDomain timeDomain();

    /** The key of the firing timer. */
    @Override
    public abstract KS getCurrentKey();
  }
}
