package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.functions.DefaultOpenContext;
import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.runtime.operators.OperatorContext;
import dev.sluice.runtime.operators.Output;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.state.InternalKeyedState;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.OutputTag;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A window operator's {@link ProcessWindowFunction} and what it sees while it runs: the window of the
 * call, the watermark and the clock, keyed state scoped to the window or to no window, and side
 * outputs stamped with the window's {@code maxTimestamp()}. It opens and closes the function, and
 * calls it with the window's contents or with one pre-aggregated result; its output records carry
 * the window's {@code maxTimestamp()}. One per operator, reused for every call; both window
 * operators use it.
 */
final class WindowFunctionContext<X, OUT, K, W extends Window> extends ProcessWindowFunction<X, OUT, K, W>.Context {
  private static final long serialVersionUID = 1L;

  private final transient ProcessWindowFunction<X, OUT, K, W> function;
  private final transient OperatorContext context;
  private final transient Output<OUT> output;
  private final transient LongSupplier watermark;
  private final transient TimestampedCollector<OUT> collector;
  private final transient KeyedStateStore perWindow = new Scoped(true);
  private final transient KeyedStateStore global = new Scoped(false);
  /** A one-element iterable over a pre-aggregated result, reused across calls. */
  private final transient SingleValue single = new SingleValue();
  /** The window of the current call. */
  private transient W window;
  private transient boolean opened;

  WindowFunctionContext(ProcessWindowFunction<X, OUT, K, W> function, OperatorContext context, Output<OUT> output,
      LongSupplier watermark) {
    function.super();
    this.function = function;
    this.context = context;
    this.output = output;
    this.watermark = watermark;
    this.collector = new TimestampedCollector<>(output);
  }

  /** Gives the function its runtime context and opens it. */
  void open() throws Exception {
    function.setRuntimeContext(context.runtimeContext());
    function.open(DefaultOpenContext.INSTANCE);
    opened = true;
  }

  /** Closes the function if {@link #open} opened it. */
  void close() throws Exception {
    if (opened) {
      opened = false;
      function.close();
    }
  }

  /** Calls the function for {@code window} of {@code key} with the window's elements. */
  @SuppressWarnings("unchecked")
  void process(Object key, W window, Iterable<X> elements) throws Exception {
    this.window = window;
    collector.setTimestamp(window.maxTimestamp());
    function.process((K) key, this, elements, collector);
  }

  /** Calls the function for {@code window} of {@code key} with its one pre-aggregated result. */
  @SuppressWarnings("unchecked")
  void processResult(Object key, W window, Object result) throws Exception {
    single.value = result;
    try {
      process(key, window, (Iterable<X>) single);
    } finally {
      single.value = null;
    }
  }

  /** Lets the function drop what it keeps for {@code window} (the window's cleanup time). */
  void clear(W window) throws Exception {
    this.window = window;
    function.clear(this);
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

  /** A one-element iterable. */
  private static final class SingleValue implements Iterable<Object> {
    Object value;

    @Override
    public Iterator<Object> iterator() {
      return List.of(value).iterator();
    }
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
