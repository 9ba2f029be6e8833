package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.runtime.operators.OperatorContext;
import dev.sluice.runtime.operators.Output;
import dev.sluice.runtime.state.InternalKeyedState;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.OutputTag;
import java.util.function.LongSupplier;

/**
 * What a {@link ProcessWindowFunction} sees while a window operator calls it: the window (set by the
 * operator before each call), the watermark and the clock, keyed state scoped to the window or to
 * no window, and side outputs stamped with the window's {@code maxTimestamp()}. One per operator,
 * reused for every call; both window operators use it.
 */
final class WindowFunctionContext<X, OUT, K, W extends Window> extends ProcessWindowFunction<X, OUT, K, W>.Context {
  private static final long serialVersionUID = 1L;

  /** The window of the current call. */
  W window;
  private final transient OperatorContext context;
  private final transient Output<OUT> output;
  private final transient LongSupplier watermark;
  private final transient KeyedStateStore perWindow = new Scoped(true);
  private final transient KeyedStateStore global = new Scoped(false);

  WindowFunctionContext(ProcessWindowFunction<X, OUT, K, W> function, OperatorContext context, Output<OUT> output,
      LongSupplier watermark) {
    function.super();
    this.context = context;
    this.output = output;
    this.watermark = watermark;
  }

  @Override
  public W window() {
    return window;
  }

  @Override
  public long currentProcessingTime() {
    return context.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return watermark.getAsLong();
  }

  @Override
  public KeyedStateStore windowState() {
    return perWindow;
  }

  @Override
  public KeyedStateStore globalState() {
    return global;
  }

  @Override
  public <Y> void output(OutputTag<Y> outputTag, Y value) {
    if (outputTag == null) {
      throw new IllegalArgumentException("The side output tag must not be null");
    }
    output.collect(outputTag, value, window.maxTimestamp());
  }

  /** Keyed state scoped to the current window, or to no window. */
  private final class Scoped extends NamespacedStateStore {
    private final boolean perWindow;

    Scoped(boolean perWindow) {
      this.perWindow = perWindow;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <S extends State> S get(StateDescriptor<S, ?> descriptor) {
      S state = context.keyedState().getOrCreate(descriptor);
      ((InternalKeyedState<Object>) state).setCurrentNamespace(perWindow ? window : VoidNamespace.INSTANCE);
      return state;
    }
  }
}
