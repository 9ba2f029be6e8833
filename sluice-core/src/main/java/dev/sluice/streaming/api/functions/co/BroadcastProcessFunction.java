package dev.sluice.streaming.api.functions.co;

import dev.sluice.util.Collector;

/**
 * Processes a non-keyed stream connected with a broadcast stream. Every parallel instance sees
 * every broadcast element, and keeps its own copy of the broadcast state.
 *
 * @param <IN1> elements of the non-broadcast stream
 * @param <IN2> elements of the broadcast stream
 * @param <OUT> results
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
  private static final long serialVersionUID = 1L;

  /** An element of the non-broadcast side; the broadcast state is read-only here. */
  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
      throws Exception;

  /** An element of the broadcast side; it may change the broadcast state. */
  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
      throws Exception;

  /** The context of {@link #processBroadcastElement}. */
  public abstract class Context extends BaseBroadcastProcessFunction.Context {}

  /** The context of {@link #processElement}. */
  public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
