package dev.sluice.streaming.api.functions.windowing;

import dev.sluice.api.common.functions.AbstractRichFunction;
import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;

/** Evaluates a window of a non-keyed ({@code windowAll}) stream with access to the window and state. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

  /** The window is being cleaned up: delete per-window state kept in {@code windowState()}. */
  public void clear(Context context) throws Exception {}

  /** What the function sees of the window being evaluated. */
  public abstract class Context {
    public abstract W window();

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();

    public abstract KeyedStateStore windowState();

    public abstract KeyedStateStore globalState();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
