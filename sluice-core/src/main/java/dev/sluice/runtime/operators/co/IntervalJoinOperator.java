package dev.sluice.runtime.operators.co;

import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.runtime.operators.AbstractUdfStreamOperator;
import dev.sluice.runtime.operators.TimestampedCollector;
import dev.sluice.runtime.operators.TwoInputStreamOperator;
import dev.sluice.runtime.state.InternalKeyedState;
import dev.sluice.runtime.time.InternalTimer;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;
import dev.sluice.streaming.api.functions.co.ProcessJoinFunction;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keyed interval join: a left element at time {@code t} joins the right elements of its key
 * with timestamps in {@code [t + lowerBound, t + upperBound]} (bounds already made inclusive).
 *
 * <p>Each side buffers its elements per key in map state (timestamp → elements). An arriving
 * element is matched against the other side's buffer, then buffered itself with an event-time
 * cleanup timer at the last moment it can still match: for a left element {@code t + upperBound}
 * (or {@code t} when that bound is negative), for a right element {@code t - lowerBound} (or
 * {@code t}). When the watermark passes that time, the entry is removed. Elements behind the
 * watermark are late: they are dropped (or sent to a late-data side output when one is set) and
 * counted in {@link #numLateRecordsDropped()} (the operator metric {@code numLateRecordsDropped}).
 */
public final class IntervalJoinOperator<K, IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, ProcessJoinFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  static final String LEFT_BUFFER = "_interval-join-left-buffer";
  static final String RIGHT_BUFFER = "_interval-join-right-buffer";

  private final long lowerBound;
  private final long upperBound;
  private final OutputTag<IN1> leftLateDataTag;
  private final OutputTag<IN2> rightLateDataTag;

  private transient MapState<Long, List<IN1>> leftBuffer;
  private transient MapState<Long, List<IN2>> rightBuffer;
  private transient InternalTimerService<Long> leftCleanup;
  private transient InternalTimerService<Long> rightCleanup;
  private transient TimestampedCollector<OUT> collector;
  private transient ContextImpl ctx;
  private dev.sluice.runtime.metrics.OperatorMetrics.Counter lateRecordsDropped;

  /**
   * @param lowerBound the lower bound, inclusive
   * @param upperBound the upper bound, inclusive; at least {@code lowerBound}
   */
  public IntervalJoinOperator(long lowerBound, long upperBound, OutputTag<IN1> leftLateDataTag,
      OutputTag<IN2> rightLateDataTag, ProcessJoinFunction<IN1, IN2, OUT> function) {
    super(function);
    if (lowerBound > upperBound) {
      throw new IllegalArgumentException("The lower bound of an interval join must not be above its "
          + "upper bound (with exclusive bounds applied): " + lowerBound + " > " + upperBound);
    }
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
    this.leftLateDataTag = leftLateDataTag;
    this.rightLateDataTag = rightLateDataTag;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void open() throws Exception {
    super.open();
    lateRecordsDropped = context.metrics().counter("numLateRecordsDropped");
    if (context.keyedState() == null) {
      throw new IllegalStateException("The interval join '" + context.operatorName()
          + "' needs two keyed inputs");
    }
    leftBuffer = context.keyedState().getOrCreate(
        new MapStateDescriptor<>(LEFT_BUFFER, Long.class, (Class<List<IN1>>) (Class) List.class));
    rightBuffer = context.keyedState().getOrCreate(
        new MapStateDescriptor<>(RIGHT_BUFFER, Long.class, (Class<List<IN2>>) (Class) List.class));
    leftCleanup = createTimerService(new Cleanup<>(leftBuffer));
    rightCleanup = createTimerService(new Cleanup<>(rightBuffer));
    collector = new TimestampedCollector<>(output);
    ctx = new ContextImpl(userFunction);
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    checkTimestamp(value, timestamp, "left");
    if (isLate(timestamp)) {
      dropLate(leftLateDataTag, value, timestamp);
      return;
    }
    add(leftBuffer, value, timestamp);
    long from = saturatedAdd(timestamp, lowerBound);
    long to = saturatedAdd(timestamp, upperBound);
    for (Map.Entry<Long, List<IN2>> entry : rightBuffer.entries()) {
      long rightTs = entry.getKey();
      if (rightTs < from || rightTs > to) {
        continue;
      }
      for (IN2 right : entry.getValue()) {
        emit(value, right, timestamp, rightTs);
      }
    }
    long cleanupTime = upperBound > 0 ? saturatedAdd(timestamp, upperBound) : timestamp;
    leftCleanup.registerEventTimeTimer(timestamp, cleanupTime);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    checkTimestamp(value, timestamp, "right");
    if (isLate(timestamp)) {
      dropLate(rightLateDataTag, value, timestamp);
      return;
    }
    add(rightBuffer, value, timestamp);
    // left timestamps l with l + lower <= r <= l + upper, i.e. r - upper <= l <= r - lower
    long from = saturatedAdd(timestamp, -upperBound);
    long to = saturatedAdd(timestamp, -lowerBound);
    for (Map.Entry<Long, List<IN1>> entry : leftBuffer.entries()) {
      long leftTs = entry.getKey();
      if (leftTs < from || leftTs > to) {
        continue;
      }
      for (IN1 left : entry.getValue()) {
        emit(left, value, leftTs, timestamp);
      }
    }
    long cleanupTime = lowerBound < 0 ? saturatedAdd(timestamp, -lowerBound) : timestamp;
    rightCleanup.registerEventTimeTimer(timestamp, cleanupTime);
  }

  private void checkTimestamp(Object value, long timestamp, String side) {
    if (timestamp == RecordBatch.NO_TIMESTAMP) {
      throw new IllegalStateException("The interval join '" + context.operatorName()
          + "' needs event-time timestamps, but the " + side + " element " + value
          + " has none; give the " + side + " source a WatermarkStrategy with a timestamp"
          + " assigner (interval joins work in event time only)");
    }
  }

  private boolean isLate(long timestamp) {
    return currentWatermark != Long.MIN_VALUE && timestamp < currentWatermark;
  }

  private <T> void dropLate(OutputTag<T> tag, T value, long timestamp) {
    lateRecordsDropped.inc();
    if (tag != null) {
      output.collect(tag, value, timestamp);
    }
  }

  private static <T> void add(MapState<Long, List<T>> buffer, T value, long timestamp)
      throws Exception {
    List<T> list = buffer.get(timestamp);
    if (list == null) {
      list = new ArrayList<>(2);
    }
    list.add(value);
    buffer.put(timestamp, list); // written back: a backend may hand out copies
  }

  private void emit(IN1 left, IN2 right, long leftTs, long rightTs) throws Exception {
    long ts = Math.max(leftTs, rightTs);
    ctx.left = leftTs;
    ctx.right = rightTs;
    ctx.result = ts;
    collector.setTimestamp(ts);
    userFunction.processElement(left, right, ctx, collector);
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return r;
  }

  /** Late elements dropped so far (behind the watermark when they arrived). */
  public long numLateRecordsDropped() {
    return lateRecordsDropped == null ? 0 : lateRecordsDropped.getCount();
  }

  /** Keys with buffered elements, summed over both sides (for tests and metrics). */
  public int bufferedKeys() {
    return ((InternalKeyedState<?>) leftBuffer).size() + ((InternalKeyedState<?>) rightBuffer).size();
  }

  /** Pending cleanup timers of both sides, one per buffered (key, timestamp) (for tests). */
  public int pendingCleanupTimers() {
    return leftCleanup.numEventTimeTimers() + rightCleanup.numEventTimeTimers();
  }

  /** Removes the buffered elements of one timestamp (the timer's namespace) for the timer's key. */
  private static final class Cleanup<T> implements Triggerable<Long> {
    private final MapState<Long, List<T>> buffer;

    Cleanup(MapState<Long, List<T>> buffer) {
      this.buffer = buffer;
    }

    @Override
    public void onEventTime(InternalTimer<Long> timer) throws Exception {
      buffer.remove(timer.namespace());
    }

    @Override
    public void onProcessingTime(InternalTimer<Long> timer) {}
  }

  private final class ContextImpl extends ProcessJoinFunction<IN1, IN2, OUT>.Context {
    private long left;
    private long right;
    private long result;

    ContextImpl(ProcessJoinFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public long getLeftTimestamp() {
      return left;
    }

    @Override
    public long getRightTimestamp() {
      return right;
    }

    @Override
    public long getTimestamp() {
      return result;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      if (outputTag == null) {
        throw new IllegalArgumentException("The side output tag must not be null");
      }
      output.collect(outputTag, value, result);
    }
  }
}
