package dev.sluice.examples.usecases;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;
import dev.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A keyed process function that sees each key's events in event-time order, whatever order they
 * arrive in.
 *
 * <p>Arriving events are buffered in keyed state by timestamp, with an event-time timer at that
 * timestamp. When the watermark passes it, the events of that timestamp are handed to {@link
 * #processInOrder} — sorted by {@link #tieOrder()} when several share a timestamp, so the result
 * never depends on arrival order. An event at or behind the current watermark can no longer be put
 * in order: it goes to the {@link #lateTag() late side output} instead (never dropped silently).
 *
 * <p>Subclasses may register timers of their own through {@code ctx.timerService()}; {@link
 * #onEventTime} is called for every timer, after the buffered events of that time were processed.
 *
 * @param <K> the key
 * @param <E> the events
 * @param <O> what the function emits
 */
public abstract class EventTimeOrderedFunction<K, E, O> extends KeyedProcessFunction<K, E, O> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<E> eventType;
  private final OutputTag<E> lateTag;
  private transient MapState<Long, List<E>> pending;
  private transient Comparator<E> tieOrder;

  protected EventTimeOrderedFunction(TypeInformation<E> eventType, OutputTag<E> lateTag) {
    this.eventType = Objects.requireNonNull(eventType, "eventType");
    this.lateTag = Objects.requireNonNull(lateTag, "lateTag");
  }

  /** The side output that receives events that arrived behind the watermark. */
  public final OutputTag<E> lateTag() {
    return lateTag;
  }

  /** Orders events with the same key and timestamp; must be a total order on their content. */
  protected abstract Comparator<E> tieOrder();

  /** Called for every event, in event-time order per key, when the watermark has passed it. */
  protected abstract void processInOrder(E event, long timestamp, OnTimerContext ctx, Collector<O> out)
      throws Exception;

  /**
   * Called for every event-time timer of this key, after the events of that time (if any) went
   * through {@link #processInOrder}. Does nothing unless overridden.
   */
  protected void onEventTime(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** Subclasses that override this must call {@code super.open(openContext)}. */
  @Override
  public void open(OpenContext openContext) throws Exception {
    pending = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("pending-by-timestamp", Types.LONG, Types.LIST(eventType)));
    tieOrder = tieOrder();
  }

  @Override
  public final void processElement(E event, Context ctx, Collector<O> out) throws Exception {
    Long timestamp = ctx.timestamp();
    if (timestamp == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " needs event timestamps: "
          + "use assignTimestampsAndWatermarks or a source with a WatermarkStrategy");
    }
    if (timestamp <= ctx.timerService().currentWatermark()) {
      ctx.output(lateTag, event);
      return;
    }
    List<E> atTime = pending.get(timestamp);
    if (atTime == null) {
      atTime = new ArrayList<>(1);
      ctx.timerService().registerEventTimeTimer(timestamp);
    }
    atTime.add(event);
    pending.put(timestamp, atTime);
  }

  @Override
  public final void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    List<E> atTime = pending.get(timestamp);
    if (atTime != null) {
      pending.remove(timestamp);
      List<E> sorted = new ArrayList<>(atTime);
      sorted.sort(tieOrder);
      for (E event : sorted) {
        processInOrder(event, timestamp, ctx, out);
      }
    }
    onEventTime(timestamp, ctx, out);
  }
}
