package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.Function;
import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.api.common.functions.RichFunction;
import dev.sluice.api.common.functions.RuntimeContext;
import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.runtime.graph.FunctionCopies;
import dev.sluice.streaming.api.functions.windowing.AllWindowFunction;
import dev.sluice.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.functions.windowing.WindowFunction;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.util.List;

/**
 * The window function forms of the API, adapted to the one form the window operator calls: a
 * {@link ProcessWindowFunction}. Adapters forward the rich-function life cycle to what they wrap.
 */
public final class WindowFunctions {
  private WindowFunctions() {}

  /**
   * Whether {@code function} does something when a window is cleaned up: it overrides
   * {@code clear(Context)} (or, for {@code windowAll}, wraps a function that does), typically to
   * drop per-window state. Only the general window operator calls it at each window's cleanup time.
   * Other adapters that forward {@code clear} count as clearing.
   */
  public static boolean clearsWindowState(ProcessWindowFunction<?, ?, ?, ?> function) {
    if (function instanceof OfProcessAllWindowFunction<?, ?, ?, ?> all) {
      return overrides(all.wrapped, ProcessAllWindowFunction.class, ProcessAllWindowFunction.Context.class);
    }
    return overrides(function, ProcessWindowFunction.class, ProcessWindowFunction.Context.class);
  }

  private static boolean overrides(Object function, Class<?> base, Class<?> contextType) {
    try {
      return function.getClass().getMethod("clear", contextType).getDeclaringClass() != base;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(base.getSimpleName() + " has no clear(Context)", e);
    }
  }

  /** Base of the adapters: forwards runtime context, open and close to a wrapped rich function. */
  abstract static class Wrapping<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W> {
    private static final long serialVersionUID = 1L;
    protected final Function wrapped;

    Wrapping(Function wrapped) {
      this.wrapped = wrapped;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
      super.setRuntimeContext(context);
      if (wrapped instanceof RichFunction r) {
        r.setRuntimeContext(context);
      }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
      if (wrapped instanceof RichFunction r) {
        r.open(openContext);
      }
    }

    @Override
    public void close() throws Exception {
      if (wrapped instanceof RichFunction r) {
        r.close();
      }
    }
  }

  /** Emits each value it receives (the pre-aggregated result of reduce/aggregate). */
  public static final class PassThrough<T, K, W extends Window> extends ProcessWindowFunction<T, T, K, W> {
    private static final long serialVersionUID = 1L;
    private final boolean snapshot;

    /** {@code snapshot}: emit copies of mutable values (they stay in state and may change). */
    public PassThrough(boolean snapshot) {
      this.snapshot = snapshot;
    }

    @Override
    public void process(K key, Context context, Iterable<T> elements, Collector<T> out) {
      for (T e : elements) {
        out.collect(snapshot ? Snapshots.copyIfMutable(e) : e);
      }
    }
  }

  /** A {@link WindowFunction} as a process function. */
  public static final class OfWindowFunction<IN, OUT, K, W extends Window> extends Wrapping<IN, OUT, K, W> {
    private static final long serialVersionUID = 1L;

    public OfWindowFunction(WindowFunction<IN, OUT, K, W> function) {
      super(function);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
      ((WindowFunction<IN, OUT, K, W>) wrapped).apply(key, context.window(), elements, out);
    }
  }

  /** An {@link AllWindowFunction} as a process function (the key is a constant). */
  public static final class OfAllWindowFunction<IN, OUT, K, W extends Window> extends Wrapping<IN, OUT, K, W> {
    private static final long serialVersionUID = 1L;

    public OfAllWindowFunction(AllWindowFunction<IN, OUT, W> function) {
      super(function);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
      ((AllWindowFunction<IN, OUT, W>) wrapped).apply(context.window(), elements, out);
    }
  }

  /** A {@link ProcessAllWindowFunction} as a process function (the key is a constant). */
  public static final class OfProcessAllWindowFunction<IN, OUT, K, W extends Window>
      extends Wrapping<IN, OUT, K, W> {
    private static final long serialVersionUID = 1L;
    private transient Context outer;
    private transient ProcessAllWindowFunction<IN, OUT, W>.Context inner;

    public OfProcessAllWindowFunction(ProcessAllWindowFunction<IN, OUT, W> function) {
      super(function);
    }

    @SuppressWarnings("unchecked")
    private ProcessAllWindowFunction<IN, OUT, W>.Context inner(Context ctx) {
      outer = ctx;
      if (inner == null) {
        ProcessAllWindowFunction<IN, OUT, W> f = (ProcessAllWindowFunction<IN, OUT, W>) wrapped;
        inner = f.new Context() {
          @Override
          public W window() {
            return outer.window();
          }

          @Override
          public long currentProcessingTime() {
            return outer.currentProcessingTime();
          }

          @Override
          public long currentWatermark() {
            return outer.currentWatermark();
          }

          @Override
          public KeyedStateStore windowState() {
            return outer.windowState();
          }

          @Override
          public KeyedStateStore globalState() {
            return outer.globalState();
          }

          @Override
          public <X> void output(OutputTag<X> outputTag, X value) {
            outer.output(outputTag, value);
          }
        };
      }
      return inner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
      ((ProcessAllWindowFunction<IN, OUT, W>) wrapped).process(inner(context), elements, out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void clear(Context context) throws Exception {
      ((ProcessAllWindowFunction<IN, OUT, W>) wrapped).clear(inner(context));
    }
  }

  /**
   * For windows with an evictor: reduces or aggregates the buffered elements when the window fires
   * and hands the single result to the user's function.
   */
  public static final class ApplyThen<IN, V, OUT, K, W extends Window> extends Wrapping<IN, OUT, K, W> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<IN> reducer;
    private final AggregateFunction<IN, Object, V> aggregate;
    private transient Context outer;
    private transient ProcessWindowFunction<V, OUT, K, W>.Context inner;

    @SuppressWarnings("unchecked")
    public ApplyThen(ReduceFunction<IN> reducer, AggregateFunction<IN, ?, V> aggregate,
        ProcessWindowFunction<V, OUT, K, W> then) {
      super(then);
      this.reducer = reducer;
      this.aggregate = (AggregateFunction<IN, Object, V>) aggregate;
    }

    @SuppressWarnings("unchecked")
    private ProcessWindowFunction<V, OUT, K, W>.Context inner(Context ctx) {
      outer = ctx;
      if (inner == null) {
        ProcessWindowFunction<V, OUT, K, W> f = (ProcessWindowFunction<V, OUT, K, W>) wrapped;
        inner = f.new Context() {
          private static final long serialVersionUID = 1L;

          @Override
          public W window() {
            return outer.window();
          }

          @Override
          public long currentProcessingTime() {
            return outer.currentProcessingTime();
          }

          @Override
          public long currentWatermark() {
            return outer.currentWatermark();
          }

          @Override
          public KeyedStateStore windowState() {
            return outer.windowState();
          }

          @Override
          public KeyedStateStore globalState() {
            return outer.globalState();
          }

          @Override
          public <X> void output(OutputTag<X> outputTag, X value) {
            outer.output(outputTag, value);
          }
        };
      }
      return inner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
      V result;
      if (reducer != null) {
        IN acc = null;
        for (IN e : elements) {
          acc = acc == null ? Snapshots.copyIfMutable(e) : reducer.reduce(acc, e);
        }
        if (acc == null) {
          return;
        }
        result = (V) acc;
      } else {
        Object acc = aggregate.createAccumulator();
        for (IN e : elements) {
          acc = aggregate.add(e, acc);
        }
        result = aggregate.getResult(acc);
      }
      ((ProcessWindowFunction<V, OUT, K, W>) wrapped).process(key, inner(context), List.of(result), out);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void clear(Context context) throws Exception {
      ((ProcessWindowFunction<V, OUT, K, W>) wrapped).clear(inner(context));
    }
  }

  /** Copies of values that a function could change later (tuples, POJOs), for safe emission. */
  static final class Snapshots {
    private Snapshots() {}

    @SuppressWarnings("unchecked")
    static <T> T copyIfMutable(T value) {
      if (value == null || value instanceof Number || value instanceof CharSequence
          || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
          || value.getClass().isRecord() || value.getClass().isArray()
          || value.getClass().getName().startsWith("java.")) {
        return value;
      }
      if (value instanceof dev.sluice.api.java.tuple.Tuple tuple) {
        return (T) tuple.copy();
      }
      return FunctionCopies.shallowCopy(value);
    }
  }
}
