package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.state.AppendingState;
import dev.sluice.api.common.state.MergingState;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.state.KeyedStateBackend;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.runtime.state.InternalKeyedState;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.sluice.streaming.api.windowing.assigners.WindowAssigner;
import dev.sluice.streaming.api.windowing.evictors.Evictor;
import dev.sluice.streaming.api.windowing.evictors.TimestampedValue;
import dev.sluice.streaming.api.windowing.triggers.Trigger;
import dev.sluice.streaming.api.windowing.triggers.TriggerResult;
import dev.sluice.streaming.api.windowing.windows.Window;
import dev.sluice.util.OutputTag;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The general window operator: contents per (key, window) in namespaced heap state, a trigger per
 * window, merging of session windows, an optional evictor, allowed lateness and a side output for
 * late elements. See the package documentation for the invariants.
 *
 * @param <K> key type
 * @param <IN> input type
 * @param <X> what the window function receives per element of its iterable (the input, or the
 *     pre-aggregated value)
 * @param <OUT> output type
 * @param <W> window type
 */
public final class WindowOperator<K, IN, X, OUT, W extends Window> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<W> {

  private final WindowAssigner<? super IN, W> assigner;
  private final Trigger<? super IN, ? super W> trigger;
  private final WindowContents<IN> contentsKind;
  private final ProcessWindowFunction<X, OUT, K, W> function;
  private final Evictor<? super IN, ? super W> evictor;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataOutputTag;

  private KeyedStateBackend backend;
  private InternalTimerService<W> timers;
  private AppendingState<Object, Object> contents;
  private InternalKeyedState<Object> contentsNs;
  private InternalValueState<MergingWindows<W>> sessions;
  private boolean mergesByIntersection;
  private MergingWindowAssigner<? super IN, W> merging;
  private final Ctx triggerCtx = new Ctx();
  private WindowFunctionContext<X, OUT, K, W> windowCtx;
  private OperatorMetrics.Counter lateDropped;
  private final WindowAssigner.WindowAssignerContext assignerContext =
      new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
          // never the time of a processing-time timer that fired already (see firedThrough)
          return Math.max(context.currentProcessingTime(), saturatedAdd(firedThrough, 1));
        }
      };
  /**
   * The latest processing-time timer fired. Timers fire once the clock reaches them, so an element
   * can arrive in the same millisecond after its processing-time window fired (or the clock can step
   * back); the assigner then sees the millisecond after, so the element goes to the next windows
   * instead of a second, partial firing of a window already emitted. Not part of checkpoints.
   */
  private long firedThrough = Long.MIN_VALUE;

  /** How the contents of a window are kept. */
  public sealed interface WindowContents<IN> permits ListContents, ReducingContents, AggregatingContents {}

  /** Every element (process/apply, and always with an evictor). */
  public record ListContents<IN>() implements WindowContents<IN> {}

  /** One value, reduced incrementally. */
  public record ReducingContents<IN>(dev.sluice.api.common.functions.ReduceFunction<IN> reducer)
      implements WindowContents<IN> {}

  /** One accumulator, aggregated incrementally; the function receives {@code getResult}. */
  public record AggregatingContents<IN>(
      dev.sluice.api.common.functions.AggregateFunction<IN, ?, ?> aggregate) implements WindowContents<IN> {}

  @SuppressWarnings("unchecked")
  public WindowOperator(WindowAssigner<? super IN, W> assigner, Trigger<? super IN, ? super W> trigger,
      WindowContents<IN> contents, ProcessWindowFunction<X, OUT, K, W> function,
      Evictor<? super IN, ? super W> evictor, long allowedLateness, OutputTag<IN> lateDataOutputTag) {
    this.assigner = assigner;
    this.trigger = trigger;
    this.contentsKind = contents;
    this.function = function;
    this.evictor = evictor;
    this.allowedLateness = allowedLateness;
    this.lateDataOutputTag = lateDataOutputTag;
    if (assigner instanceof MergingWindowAssigner<?, ?>) {
      merging = (MergingWindowAssigner<? super IN, W>) assigner;
      mergesByIntersection = merging.mergesIntersectingTimeWindows();
      if (!trigger.canMerge()) {
        throw new UnsupportedOperationException("The trigger " + trigger + " cannot be used with "
            + "merging (session) windows: it does not support merging");
      }
    }
    if (evictor != null && !(contents instanceof ListContents<?>)) {
      throw new IllegalArgumentException("A window with an evictor keeps all elements");
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() throws Exception {
    super.open();
    backend = context.keyedState();
    if (backend == null) {
      throw new IllegalStateException("The window operator '" + context.operatorName() + "' needs a keyed stream");
    }
    timers = createTimerService(this);
    String name = "window-contents:" + context.operatorName();
    StateDescriptor<?, ?> descriptor;
    if (contentsKind instanceof ReducingContents<IN> r) {
      descriptor = new dev.sluice.api.common.state.ReducingStateDescriptor<>(name, r.reducer(), (Class) Object.class);
    } else if (contentsKind instanceof AggregatingContents<IN> a) {
      if (context.isCheckpointingEnabled()) {
        WindowErrors.checkAccumulator(context.operatorName(), a.aggregate());
      }
      descriptor = new dev.sluice.api.common.state.AggregatingStateDescriptor(name, a.aggregate(), (Class) Object.class);
    } else {
      descriptor = new dev.sluice.api.common.state.ListStateDescriptor<>(name, Object.class);
    }
    Object state = backend.getOrCreate((StateDescriptor) descriptor);
    contents = (AppendingState<Object, Object>) state;
    contentsNs = (InternalKeyedState<Object>) state;
    if (merging != null) {
      sessions = backend.valueState("window-sessions:" + context.operatorName(),
          MergingWindows.Serializer.INSTANCE);
    }
    windowCtx = new WindowFunctionContext<>(function, context, output, () -> currentWatermark);
    lateDropped = context.metrics().counter("numLateRecordsDropped");
    windowCtx.open();
  }

  @Override
  public void close() throws Exception {
    if (windowCtx != null) {
      windowCtx.close();
    }
    super.close();
  }

  // ------------------------------------------------------------------ elements

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(IN value, long timestamp) throws Exception {
    boolean eventTime = assigner.isEventTime();
    if (eventTime && timestamp == RecordBatch.NO_TIMESTAMP) {
      throw WindowErrors.noTimestamp(context.operatorName(), value);
    }
    Collection<W> windows = assigner.assignWindows(value, timestamp, assignerContext);
    Object stored = evictor == null ? value : new TimestampedValue<>(value, timestamp);
    if (evictor != null && timestamp == RecordBatch.NO_TIMESTAMP) {
      stored = new TimestampedValue<>(value);
    }
    boolean skipped = true;
    MergingWindows<W> active = null;
    if (merging != null) {
      sessions.setCurrentNamespace(dev.sluice.runtime.state.VoidNamespace.INSTANCE);
      active = sessions.value();
      if (active == null) {
        active = new MergingWindows<>();
      }
    }
    for (W window : windows) {
      W actual = merging == null ? window : addWindow(active, window);
      if (isWindowLate(actual)) {
        if (merging != null) {
          active.remove(actual);
        }
        continue;
      }
      skipped = false;
      contentsWindow = stateWindow(active, actual);
      contentsNs.setCurrentNamespace(contentsWindow);
      contents.add(stored);
      triggerCtx.window = actual;
      TriggerResult result = ((Trigger<IN, W>) trigger).onElement(value, timestamp, actual, triggerCtx);
      if (result.isFire()) {
        Object c = contents.get();
        if (c != null) {
          emit(actual, c);
        }
      }
      if (result.isPurge()) {
        contentsNs.setCurrentNamespace(stateWindow(active, actual));
        contents.clear();
      }
      registerCleanupTimer(actual);
    }
    if (merging != null) {
      persist(active);
    }
    if (skipped && eventTime && saturatedAdd(timestamp, allowedLateness) <= currentWatermark) {
      if (lateDataOutputTag != null) {
        output.collect(lateDataOutputTag, value, timestamp);
      }
      lateDropped.inc();
    }
  }

  /** Where a window's contents live: for merged windows, a stable namespace (see MergingWindows). */
  private W stateWindow(MergingWindows<W> active, W window) {
    return active == null ? window : active.stateWindowOf(window);
  }

  private void persist(MergingWindows<W> active) throws java.io.IOException {
    sessions.setCurrentNamespace(dev.sluice.runtime.state.VoidNamespace.INSTANCE);
    if (active.isEmpty()) {
      sessions.clear();
    } else {
      sessions.update(active);
    }
  }

  /** Adds {@code newWindow} to the key's sessions, merging what overlaps; returns its window now. */
  @SuppressWarnings("unchecked")
  private W addWindow(MergingWindows<W> active, W newWindow) throws Exception {
    if (mergesByIntersection) {
      return addToSessions(active, newWindow);
    }
    List<W> all = new ArrayList<>(active.size() + 1);
    all.addAll(active.windows());
    all.add(newWindow);
    List<Object[]> merges = new ArrayList<>(1);
    merging.mergeWindows(all, (toMerge, result) -> merges.add(new Object[] {new ArrayList<>(toMerge), result}));
    W resultWindow = newWindow;
    boolean newMerged = false;
    for (Object[] m : merges) {
      List<W> toMerge = (List<W>) m[0];
      W result = (W) m[1];
      if (toMerge.remove(newWindow)) { // removes one occurrence: the others existed before
        newMerged = true;
        resultWindow = result;
      }
      // the merged window keeps the contents namespace of one window it absorbs, so extending a
      // session moves no contents; the other absorbed windows' contents merge into it
      W keptState = null;
      List<Object> otherStates = new ArrayList<>();
      for (W w : toMerge) {
        W state = active.stateWindowOf(w);
        if (keptState == null) {
          keptState = state;
        } else {
          otherStates.add(state);
        }
      }
      for (W w : toMerge) {
        active.remove(w);
      }
      if (!active.contains(result)) {
        active.add(result, keptState != null ? keptState : result);
      }
      if (!(toMerge.size() == 1 && toMerge.get(0).equals(result))) {
        onMerge(result, toMerge, keptState, otherStates);
      }
    }
    if (!newMerged && !active.contains(newWindow)) {
      active.add(newWindow, newWindow);
    }
    return resultWindow;
  }

  /**
   * The built-in session assigners' merge (windows that intersect or touch merge into their cover)
   * without the general path's sort and lists: a key's sessions are disjoint, so the new window
   * merges with exactly the sessions it intersects, found in one pass. The result keeps the
   * contents namespace of the earliest of them and the others' contents merge into it, in order of
   * start, as in the general path; a new window inside one session merges nothing.
   */
  @SuppressWarnings("unchecked")
  private W addToSessions(MergingWindows<W> active, W newWindow) throws Exception {
    TimeWindow added = (TimeWindow) newWindow;
    List<W> windows = active.windows();
    int hit = -1; // the one intersecting session, while there is only one
    List<TimeWindow> hits = null; // all of them, once there are several
    for (int i = 0; i < windows.size(); i++) {
      TimeWindow session = (TimeWindow) windows.get(i);
      if (session.intersects(added)) {
        if (hit < 0) {
          hit = i;
        } else {
          if (hits == null) {
            hits = new ArrayList<>(4);
            hits.add((TimeWindow) windows.get(hit));
          }
          hits.add(session);
        }
      }
    }
    if (hit < 0) {
      active.add(newWindow, newWindow);
      return newWindow;
    }
    if (hits == null) {
      TimeWindow session = (TimeWindow) windows.get(hit);
      W result = (W) session.cover(added);
      if (result.equals(session)) {
        return (W) session; // inside the session: nothing merges
      }
      W keptState = active.stateWindowAt(hit);
      active.removeAt(hit);
      active.add(result, keptState);
      onMerge(result, List.of((W) session), keptState, List.of());
      return result;
    }
    hits.sort((a, b) -> Long.compare(a.getStart(), b.getStart())); // stable: ties keep their order
    TimeWindow cover = added;
    for (TimeWindow w : hits) {
      cover = cover.cover(w);
    }
    W result = (W) cover;
    W keptState = active.stateWindowOf((W) hits.get(0));
    List<Object> otherStates = new ArrayList<>(hits.size() - 1);
    for (int i = 1; i < hits.size(); i++) {
      otherStates.add(active.stateWindowOf((W) hits.get(i)));
    }
    for (TimeWindow w : hits) {
      active.remove((W) w);
    }
    active.add(result, keptState);
    onMerge(result, (List<W>) (List<?>) hits, keptState, otherStates);
    return result;
  }

  @SuppressWarnings("unchecked")
  private void onMerge(W result, List<W> merged, W keptState, List<Object> otherStates)
      throws Exception {
    if (assigner.isEventTime() && cleanupTime(result) <= currentWatermark) {
      throw new IllegalStateException("The end timestamp of an event-time window cannot become "
          + "earlier than the current watermark by merging (watermark " + currentWatermark
          + ", window " + result + ")");
    }
    List<Object> sources = new ArrayList<>(merged.size());
    for (W w : merged) {
      if (!w.equals(result)) {
        sources.add(w);
      }
    }
    triggerCtx.window = result;
    triggerCtx.mergedWindows = sources;
    ((Trigger<IN, W>) trigger).onMerge(result, triggerCtx);
    triggerCtx.mergedWindows = List.of();
    for (Object o : sources) {
      W w = (W) o;
      triggerCtx.window = w;
      ((Trigger<IN, W>) trigger).clear(w, triggerCtx);
      deleteCleanupTimer(w);
    }
    if (keptState != null && !otherStates.isEmpty()) {
      contentsNs.mergeNamespaces(keptState, otherStates);
    }
  }

  // ------------------------------------------------------------------ timers

  @Override
  public void onEventTime(InternalTimer<W> timer) throws Exception {
    onTimer(timer, true);
  }

  @Override
  public void onProcessingTime(InternalTimer<W> timer) throws Exception {
    firedThrough = Math.max(firedThrough, timer.timestamp());
    onTimer(timer, false);
  }

  @SuppressWarnings("unchecked")
  private void onTimer(InternalTimer<W> timer, boolean eventTimeTimer) throws Exception {
    W window = timer.namespace();
    long time = timer.timestamp();
    MergingWindows<W> active = null;
    if (merging != null) {
      sessions.setCurrentNamespace(dev.sluice.runtime.state.VoidNamespace.INSTANCE);
      active = sessions.value();
      if (active == null || !active.contains(window)) {
        return; // the window was merged into another one
      }
    }
    contentsWindow = stateWindow(active, window);
    triggerCtx.window = window;
    Trigger<IN, W> t = (Trigger<IN, W>) trigger;
    TriggerResult result = eventTimeTimer ? t.onEventTime(time, window, triggerCtx)
        : t.onProcessingTime(time, window, triggerCtx);
    contentsNs.setCurrentNamespace(contentsWindow);
    if (result.isFire()) {
      Object c = contents.get();
      if (c != null) {
        emit(window, c);
      }
    }
    if (result.isPurge()) {
      contentsNs.setCurrentNamespace(contentsWindow);
      contents.clear();
    }
    if (eventTimeTimer == assigner.isEventTime() && time == cleanupTime(window)) {
      clearAllState(window, active);
    }
  }

  @SuppressWarnings("unchecked")
  private void clearAllState(W window, MergingWindows<W> active) throws Exception {
    contentsNs.setCurrentNamespace(stateWindow(active, window));
    contents.clear();
    triggerCtx.window = window;
    ((Trigger<IN, W>) trigger).clear(window, triggerCtx);
    windowCtx.clear(window);
    if (active != null) {
      active.remove(window);
      persist(active);
    }
  }

  // ------------------------------------------------------------------ emission

  @SuppressWarnings("unchecked")
  /** The namespace of the contents being emitted (a merged window's stable one, or the window). */
  private W contentsWindow;

  private void emit(W window, Object c) throws Exception {
    if (evictor != null) {
      evictAndFire(window, (Iterable<TimestampedValue<IN>>) c);
    } else if (contentsKind instanceof ListContents<?>) {
      windowCtx.process(backend.currentKey(), window, (Iterable<X>) c);
    } else {
      windowCtx.processResult(backend.currentKey(), window, c);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void evictAndFire(W window, Iterable<TimestampedValue<IN>> stored) throws Exception {
    ArrayList<TimestampedValue<IN>> list = new ArrayList<>();
    for (TimestampedValue<IN> v : stored) {
      list.add(v);
    }
    Evictor<IN, W> e = (Evictor<IN, W>) evictor;
    e.evictBefore(list, list.size(), window, triggerCtx);
    List<Object> values = new AbstractList<>() {
      @Override
      public Object get(int index) {
        return list.get(index).getValue();
      }

      @Override
      public int size() {
        return list.size();
      }
    };
    windowCtx.process(backend.currentKey(), window, (Iterable<X>) (Iterable) values);
    e.evictAfter(list, list.size(), window, triggerCtx);
    contentsNs.setCurrentNamespace(contentsWindow);
    ((dev.sluice.api.common.state.ListState<Object>) (Object) contents).update((List) list);
  }

  // ------------------------------------------------------------------ cleanup

  private long cleanupTime(W window) {
    return assigner.isEventTime() ? saturatedAdd(window.maxTimestamp(), allowedLateness) : window.maxTimestamp();
  }

  private boolean isWindowLate(W window) {
    return assigner.isEventTime() && cleanupTime(window) <= currentWatermark;
  }

  private void registerCleanupTimer(W window) {
    long t = cleanupTime(window);
    if (t == Long.MAX_VALUE) {
      return;
    }
    if (assigner.isEventTime()) {
      timers.registerEventTimeTimer(window, t);
    } else {
      timers.registerProcessingTimeTimer(window, t);
    }
  }

  private void deleteCleanupTimer(W window) {
    long t = cleanupTime(window);
    if (t == Long.MAX_VALUE) {
      return;
    }
    if (assigner.isEventTime()) {
      timers.deleteEventTimeTimer(window, t);
    } else {
      timers.deleteProcessingTimeTimer(window, t);
    }
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? (b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
  }

  /** For tests: number of pending event-time and processing-time timers. */
  public int numTimers() {
    return timers.numEventTimeTimers() + timers.numProcessingTimeTimers();
  }

  // ------------------------------------------------------------------ contexts

  /** The trigger's (and evictor's) view: timers and state of the current key and window. */
  private final class Ctx implements Trigger.OnMergeContext, Evictor.EvictorContext {
    W window;
    Collection<Object> mergedWindows = List.of();

    @Override
    public long getCurrentProcessingTime() {
      return context.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
      return currentWatermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
      timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      timers.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      timers.deleteEventTimeTimer(window, time);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor) {
      S state = backend.getOrCreate(stateDescriptor);
      ((InternalKeyedState<Object>) state).setCurrentNamespace(window);
      return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor) {
      if (mergedWindows.isEmpty()) {
        return;
      }
      S state = backend.getOrCreate(stateDescriptor);
      try {
        ((InternalKeyedState<Object>) state).mergeNamespaces(window, mergedWindows);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Could not merge the state '" + stateDescriptor.getName() + "'", e);
      }
    }
  }
}
