package dev.sluice.streaming.api.windowing.triggers;

import dev.sluice.api.common.state.MergingState;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.streaming.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated. Called for each element added to a window and for each timer
 * the trigger registered for it; state and timers it uses are scoped to the key and window.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
      throws Exception;

  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

  public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

  /** Whether this trigger supports merging windows (sessions); then {@link #onMerge} must work. */
  public boolean canMerge() {
    return false;
  }

  /** Windows were merged into {@code window}; re-establish timers and merge state for it. */
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging");
  }

  /** The window is gone: delete its timers and state. */
  public abstract void clear(W window, TriggerContext ctx) throws Exception;

  /** What a trigger may use: time, timers and state of the current key and window. */
  public interface TriggerContext {
    long getCurrentProcessingTime();

    long getCurrentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    /** State of the current key, scoped to the current window. */
    <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
  }

  /** The context of {@link #onMerge}: can also merge state of the merged windows into the new one. */
  public interface OnMergeContext extends TriggerContext {
    <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor);
  }
}
