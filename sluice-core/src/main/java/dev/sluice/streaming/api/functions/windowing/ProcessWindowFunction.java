package dev.sluice.streaming.api.functions.windowing;

import dev.sluice.api.common.functions.AbstractRichFunction;
import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;

/**
 * Evaluates a window of a keyed stream with access to the window, time, per-window and per-key
 * state, and side outputs.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Evaluates the window of {@code key} whose contents are {@code elements}. */
  public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /** The window is being cleaned up: delete per-window state kept in {@code windowState()}. */
  public void clear(Context context) throws Exception {}

  /** What the function sees of the window being evaluated. */
  public abstract class Context implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public abstract W window();

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();

    /** State of the current key scoped to this window. */
    public abstract KeyedStateStore windowState();

    /** State of the current key shared by all its windows. */
    public abstract KeyedStateStore globalState();

    /** Emits to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
