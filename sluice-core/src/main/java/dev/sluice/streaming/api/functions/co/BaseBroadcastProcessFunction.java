package dev.sluice.streaming.api.functions.co;

import dev.sluice.api.common.functions.AbstractRichFunction;
import dev.sluice.api.common.state.BroadcastState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReadOnlyBroadcastState;
import dev.sluice.util.OutputTag;

/**
 * What the two broadcast process functions share: contexts that reach the broadcast state. The
 * broadcast side may change it ({@link Context}); the other side may only read it
 * ({@link ReadOnlyContext}), so that every parallel instance keeps the same contents.
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Valid only during the call it is passed to. */
  public abstract class BaseContext {
    /** The element's timestamp, null when it has none. */
    public abstract Long timestamp();

    public abstract <X> void output(OutputTag<X> outputTag, X value);

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();
  }

  /** The context of the broadcast side: the broadcast state may be changed. */
  public abstract class Context extends BaseContext {
    /** The broadcast state {@code stateDescriptor} names; it must be one given to {@code broadcast(..)}. */
    public abstract <K, V> BroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> stateDescriptor);
  }

  /** The context of the non-broadcast side: the broadcast state is read-only. */
  public abstract class ReadOnlyContext extends BaseContext {
    /** The broadcast state {@code stateDescriptor} names; it must be one given to {@code broadcast(..)}. */
    public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> stateDescriptor);
  }
}
