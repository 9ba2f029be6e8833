package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.io.IOException;

import dev.sluice.api.common.functions.AggregateFunction;
import dev.sluice.api.common.functions.ReduceFunction;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.runtime.operators.AbstractStreamOperator;
import dev.sluice.runtime.operators.OneInputStreamOperator;
import dev.sluice.runtime.state.InternalValueState;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import dev.sluice.util.OutputTag;

/**
 * Tumbling and sliding windows, in event time or processing time, with an incremental reduce or
 * aggregate, the default trigger and no evictor, computed from slices: per key, one accumulator per
 * slice of length {@code gcd(size, slide)}. An element updates exactly one slice; when the
 * watermark (event time) or the clock (processing time) passes a window's end, the slices of that
 * window are combined and the result is emitted, or handed to a {@link ProcessWindowFunction} as a
 * one-element iterable with the window in its context. Results, lateness and the late side output
 * are the same as the general {@link WindowOperator}'s; in processing time an element belongs to the
 * windows of the clock's time at its arrival (but never of a window that has fired already: see
 * {@code firedThrough}), nothing is late, and windows still open when a bounded input ends are
 * dropped, as in the general operator.
 *
 * <p>A window function that overrides {@code clear} (to drop per-window state at the window's
 * cleanup time) runs in the general operator instead; see {@link WindowFunctions#clearsWindowState}.
 */
public final class SlicingWindowOperator<IN, ACC, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<VoidNamespace> {

  private final long size;
  private final long slide;
  private final long offset;
  private final long sliceSize;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataOutputTag;
  private final ReduceFunction<IN> reducer;
  private final AggregateFunction<IN, ACC, OUT> aggregate;
  /** Windows of the clock: processing-time timers, no watermark, nothing late. */
  private final boolean processingTime;
  /** Called with each window's result; null: the result itself is the output. */
  private final ProcessWindowFunction<Object, OUT, Object, TimeWindow> function;
  /**
   * Processing time: the latest window end (less one) fired. Timers fire once the clock reaches
   * them, so an element can arrive in the same millisecond after its window fired (or the clock can
   * step back); it then counts as arriving just after, in the next windows, instead of opening a
   * window that was already emitted. The general operator does the same.
   */
  private long firedThrough = Long.MIN_VALUE;
  private WindowFunctionContext<Object, OUT, Object, TimeWindow> windowCtx;

  private InternalValueState<Slices> slices;
  /** The backend hands out copies: slices changed in place are written back. */
  private boolean writeBack;
  private InternalTimerService<VoidNamespace> timers;
  private OperatorMetrics.Counter lateDropped;
  /**
   * Tumbling windows without lateness: a key's only timers are its windows' ends, each registered
   * once, when the window's slice is created (it is gone only after that timer fired), so they
   * skip the timer service's de-duplication, and a fired window does not register the next one
   * (the chain sliding windows need: that window's slice registered its timer already).
   */
  private final boolean uniqueWindowTimers;

  /** An event-time slicing operator over {@code reducer} (then {@code OUT = IN}) or {@code aggregate}. */
  public SlicingWindowOperator(long size, long slide, long offset, long allowedLateness,
      OutputTag<IN> lateDataOutputTag, ReduceFunction<IN> reducer, AggregateFunction<IN, ACC, OUT> aggregate) {
    this(size, slide, offset, false, allowedLateness, lateDataOutputTag, reducer, aggregate, null);
  }

  /**
   * A slicing operator over {@code reducer} or {@code aggregate}, in event time or processing time
   * ({@code allowedLateness} and the late tag then play no part), whose window results go to
   * {@code function} or, when it is null, to the output.
   */
  @SuppressWarnings("unchecked")
  public SlicingWindowOperator(long size, long slide, long offset, boolean processingTime, long allowedLateness,
      OutputTag<IN> lateDataOutputTag, ReduceFunction<IN> reducer, AggregateFunction<IN, ACC, ?> aggregate,
      ProcessWindowFunction<?, OUT, ?, TimeWindow> function) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
    this.sliceSize = gcd(size, slide);
    this.processingTime = processingTime;
    this.allowedLateness = processingTime ? 0 : allowedLateness;
    this.lateDataOutputTag = processingTime ? null : lateDataOutputTag;
    this.reducer = reducer;
    this.aggregate = (AggregateFunction<IN, ACC, OUT>) aggregate;
    this.function = (ProcessWindowFunction<Object, OUT, Object, TimeWindow>) function;
    this.uniqueWindowTimers = slide == size && this.allowedLateness == 0 && !processingTime;
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Override
  public void open() throws Exception {
    super.open();
    if (context.keyedState() == null) {
      throw new IllegalStateException("The window operator '" + context.operatorName() + "' needs a keyed stream");
    }
    if (aggregate != null && context.isCheckpointingEnabled()) {
      WindowErrors.checkAccumulator(context.operatorName(), aggregate);
    }
    slices = context.keyedState().valueState("window-slices:" + context.operatorName(),
        SlicesSerializer.INSTANCE);
    writeBack = context.keyedState().storesCopies();
    timers = createTimerService(this);
    lateDropped = context.metrics().counter("numLateRecordsDropped");
    if (function != null) {
      windowCtx = new WindowFunctionContext<>(function, context, output, () -> currentWatermark);
      windowCtx.open();
    }
  }

  @Override
  public void close() throws Exception {
    if (windowCtx != null) {
      windowCtx.close();
    }
    super.close();
  }

  private long cleanup(long maxTimestamp) {
    return WindowOperator.saturatedAdd(maxTimestamp, allowedLateness);
  }

  /** Max timestamp of the last window containing the slice that ends at {@code sliceEnd}. */
  private long lastWindowMax(long sliceEnd) {
    long lastStart = TimeWindowsMath.start(sliceEnd - sliceSize, offset, slide);
    return lastStart + size - 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(IN value, long timestamp) throws Exception {
    long wm;
    if (processingTime) {
      // the element's time, for its windows: never at or before a window end already fired
      timestamp = Math.max(context.currentProcessingTime(), WindowOperator.saturatedAdd(firedThrough, 1));
      wm = Long.MIN_VALUE; // nothing is late
    } else if (timestamp == RecordBatch.NO_TIMESTAMP) {
      throw WindowErrors.noTimestamp(context.operatorName(), value);
    } else {
      wm = currentWatermark;
    }
    long lastStart = TimeWindowsMath.start(timestamp, offset, slide);
    if (cleanup(lastStart + size - 1) <= wm) {
      if (lateDataOutputTag != null) {
        output.collect(lateDataOutputTag, value, timestamp);
      }
      lateDropped.inc();
      return;
    }
    long sliceEnd = TimeWindowsMath.start(timestamp, offset, sliceSize) + sliceSize;
    Slices s = slices.value();
    if (s == null) {
      s = new Slices();
      slices.update(s);
    }
    int i = s.indexOf(sliceEnd);
    boolean created = i < 0;
    if (created) {
      i = s.insert(sliceEnd);
    }
    Object acc = s.acc(i);
    Object next = reducer != null
        ? (acc == null ? value : reducer.reduce((IN) acc, value))
        : aggregate.add(value, acc == null ? aggregate.createAccumulator() : (ACC) acc);
    if (next != acc) {
      // an accumulator changed in place is not stored again: under G1 the store into an old
      // slice object dirties its card on every record even when the reference is the same
      s.setAcc(i, next);
    }
    if (created) {
      // One timer per new slice, at the end of the first window still to come that contains it;
      // each window timer registers the next window end while slices remain (see onEventTime),
      // so a key has one pending window timer however many windows overlap.
      // window ends lie on the grid offset + size + k * slide: the first one at or after sliceEnd
      long end = TimeWindowsMath.start(sliceEnd - 1, offset + size, slide) + slide;
      if (end - 1 <= wm) {
        end += (Math.floorDiv(wm - (end - 1), slide) + 1) * slide;
      }
      if (end - size < sliceEnd) {
        if (processingTime) {
          timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, end - 1);
        } else if (uniqueWindowTimers) {
          timers.registerNewEventTimeTimer(VoidNamespace.INSTANCE, end - 1);
        } else {
          timers.registerEventTimeTimer(VoidNamespace.INSTANCE, end - 1);
        }
      }
      if (allowedLateness > 0) {
        long clean = cleanup(lastStart + size - 1);
        if (clean != Long.MAX_VALUE) {
          timers.registerEventTimeTimer(VoidNamespace.INSTANCE, clean);
        }
      }
    }
    if (writeBack) {
      slices.update(s);
    }
    if (timestamp <= wm) {
      // late but within the allowed lateness: windows already fired fire again at once
      for (long start = lastStart; start > timestamp - size; start -= slide) {
        long max = start + size - 1;
        if (max <= wm && cleanup(max) > wm) {
          emitWindow(s, start);
        }
      }
    }
  }

  @Override
  public void onEventTime(InternalTimer<VoidNamespace> timer) throws Exception {
    if (!processingTime) {
      onWindowTimer(timer.timestamp());
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<VoidNamespace> timer) throws Exception {
    if (processingTime) {
      firedThrough = Math.max(firedThrough, timer.timestamp());
      onWindowTimer(timer.timestamp());
    }
  }

  /** A window ends at {@code t + 1}: emits it, goes on with the chain, drops slices no window needs. */
  private void onWindowTimer(long t) throws Exception {
    Slices s = slices.value();
    if (s == null) {
      return;
    }
    long end = t + 1;
    if (Math.floorMod(end - size - offset, slide) == 0) {
      emitWindow(s, end - size);
      long next = end + slide;
      // the chain goes on (sliding windows); a tumbling window's slice registered its own timer
      if (!uniqueWindowTimers && s.size > 0 && s.end(s.size - 1) > next - size) {
        if (processingTime) {
          timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, next - 1);
        } else {
          timers.registerEventTimeTimer(VoidNamespace.INSTANCE, next - 1);
        }
      }
    }
    // drop slices no window needs any more
    while (s.size > 0 && cleanup(lastWindowMax(s.end(0))) <= t) {
      s.removeFirst();
    }
    if (s.size == 0) {
      slices.clear();
    } else if (writeBack) {
      slices.update(s);
    }
  }

  @SuppressWarnings("unchecked")
  private void emitWindow(Slices s, long start) throws Exception {
    long end = start + size;
    Object result = null;
    int count = 0;
    int from = s.firstEndAfter(start);
    for (int i = from; i < s.size && s.end(i) <= end; i++) {
      Object acc = s.acc(i);
      if (reducer != null) {
        result = count == 0 ? WindowFunctions.Snapshots.copyIfMutable(acc) : reducer.reduce((IN) result, (IN) acc);
      } else if (count == 0) {
        result = acc;
      } else {
        if (count == 1) {
          result = aggregate.merge(aggregate.createAccumulator(), (ACC) result);
        }
        result = aggregate.merge((ACC) result, (ACC) acc);
      }
      count++;
    }
    if (count == 0) {
      return;
    }
    Object out = reducer != null ? result : aggregate.getResult((ACC) result);
    if (function == null) {
      output.collect((OUT) out, end - 1);
      return;
    }
    windowCtx.processResult(context.keyedState().currentKey(), new TimeWindow(start, end), out);
  }

  /** Window start arithmetic (aligned to the offset, correct for negative times). */
  static final class TimeWindowsMath {
    private TimeWindowsMath() {}

    static long start(long timestamp, long offset, long length) {
      return timestamp - Math.floorMod(timestamp - offset, length);
    }
  }

  /**
   * The slices of one key, sorted by end; usually appended at the end and removed at the front.
   * The first slice is held in fields, so the common case — one open slice per key, as in tumbling
   * windows — is one object, not three: fewer cache misses per element.
   */
  static final class Slices {
    private long end0;
    private Object acc0;
    // slices 1..size-1 sit at ends/accs[head .. head + size - 2]: removing the first slice moves
    // the array's first one into the fields and advances head, so a key with many open slices
    // (a watermark held back by a slow input) does not shift them all at every window it fires
    private long[] ends = EMPTY_ENDS;
    private Object[] accs = EMPTY_ACCS;
    private int head;
    int size;

    private static final long[] EMPTY_ENDS = new long[0];
    private static final Object[] EMPTY_ACCS = new Object[0];

    long end(int i) {
      return i == 0 ? end0 : ends[head + i - 1];
    }

    Object acc(int i) {
      return i == 0 ? acc0 : accs[head + i - 1];
    }

    void setAcc(int i, Object acc) {
      if (i == 0) {
        acc0 = acc;
      } else {
        accs[head + i - 1] = acc;
      }
    }

    private void set(int i, long end, Object acc) {
      if (i == 0) {
        end0 = end;
        acc0 = acc;
      } else {
        ends[head + i - 1] = end;
        accs[head + i - 1] = acc;
      }
    }

    /**
     * The index of the slice ending at {@code end}, or -1; most lookups hit the last slice, or the
     * first one (an input that lags behind another), and need no search.
     */
    int indexOf(long end) {
      int n = size;
      if (n == 0) {
        return -1;
      }
      long last = end(n - 1);
      if (last == end) {
        return n - 1;
      }
      if (last < end) {
        return -1;
      }
      if (end0 >= end) {
        // the oldest slice: where a lagging input's elements land while a faster one's open new slices
        return end0 == end ? 0 : -1;
      }
      int i = firstEndAtOrAfter(end, n - 1);
      return i < n - 1 && end(i) == end ? i : -1;
    }

    /** First index below {@code limit} whose slice ends at or after {@code time}, else {@code limit}. */
    private int firstEndAtOrAfter(long time, int limit) {
      int lo = 0;
      int hi = limit;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (end(mid) < time) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** First index whose slice ends after {@code time}. */
    int firstEndAfter(long time) {
      if (size == 0 || end0 > time) {
        return 0; // a window fires from the first slice onwards, as a rule
      }
      return time == Long.MAX_VALUE ? size : firstEndAtOrAfter(time + 1, size);
    }

    int insert(long end) {
      int pos = size == 0 || end(size - 1) < end ? size : firstEndAtOrAfter(end, size);
      if (size >= 1 && head + size > ends.length) { // room for slices 1..size in the arrays
        int live = size - 1;
        int capacity = live + 1 <= ends.length / 2 ? ends.length : Math.max(4, ends.length * 2);
        long[] newEnds = capacity == ends.length ? ends : new long[capacity];
        Object[] newAccs = capacity == accs.length ? accs : new Object[capacity];
        System.arraycopy(ends, head, newEnds, 0, live);
        System.arraycopy(accs, head, newAccs, 0, live);
        if (newAccs == accs) {
          java.util.Arrays.fill(accs, live, head + live, null);
        }
        ends = newEnds;
        accs = newAccs;
        head = 0;
      }
      for (int i = size; i > pos; i--) {
        set(i, end(i - 1), acc(i - 1));
      }
      set(pos, end, null);
      size++;
      return pos;
    }

    void removeFirst() {
      if (size == 1) {
        end0 = 0;
        acc0 = null;
        size = 0;
        head = 0;
        return;
      }
      end0 = ends[head];
      acc0 = accs[head];
      accs[head] = null;
      head++;
      size--;
      if (size == 1) {
        head = 0; // the arrays are empty: start again at their beginning
      }
    }
  }

  /** Checkpoint codec of {@link Slices}: (end, accumulator) pairs, accumulators by runtime class. */
  static final class SlicesSerializer extends TypeSerializerSingleton<Slices> {
    private static final long serialVersionUID = 1L;
    static final SlicesSerializer INSTANCE = new SlicesSerializer();

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public Slices copy(Slices from) {
      Slices copy = new Slices();
      for (int i = 0; i < from.size; i++) {
        int at = copy.insert(from.end(i));
        copy.setAcc(at, DynamicSerializer.INSTANCE.copy(from.acc(i)));
      }
      return copy;
    }

    @Override
    public void serialize(Slices record, DataOutputView out) throws IOException {
      out.writeInt(record.size);
      for (int i = 0; i < record.size; i++) {
        out.writeLong(record.end(i));
        DynamicSerializer.INSTANCE.serialize(record.acc(i), out);
      }
    }

    @Override
    public Slices deserialize(DataInputView in) throws IOException {
      int n = in.readInt();
      Slices s = new Slices();
      for (int i = 0; i < n; i++) {
        int at = s.insert(in.readLong());
        s.setAcc(at, DynamicSerializer.INSTANCE.deserialize(in));
      }
      return s;
    }

    @Override
    public TypeSerializerSnapshot<Slices> snapshotConfiguration() {
      return new SlicesFormat();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Format of {@link SlicesSerializer}. */
  public static final class SlicesFormat extends SimpleTypeSerializerSnapshot<Slices> {
    public SlicesFormat() {
      super(() -> SlicesSerializer.INSTANCE);
    }
  }
}
