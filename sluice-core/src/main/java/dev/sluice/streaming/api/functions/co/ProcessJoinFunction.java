package dev.sluice.streaming.api.functions.co;

import dev.sluice.api.common.functions.AbstractRichFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;

/**
 * Called once for every pair of elements an interval join matches.
 *
 * @param <IN1> elements of the left (first) stream
 * @param <IN2> elements of the right (second) stream
 * @param <OUT> results
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Handles one joined pair; what it emits gets the larger of the two timestamps. */
  public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out)
      throws Exception;

  /** Valid only during the call it is passed to. */
  public abstract class Context {
    public abstract long getLeftTimestamp();

    public abstract long getRightTimestamp();

    /** The timestamp of the result: the larger of the left and right timestamps. */
    public abstract long getTimestamp();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
