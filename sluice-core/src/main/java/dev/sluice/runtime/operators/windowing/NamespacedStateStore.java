package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.state.AggregatingState;
import dev.sluice.api.common.state.AggregatingStateDescriptor;
import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.api.common.state.ListState;
import dev.sluice.api.common.state.ListStateDescriptor;
import dev.sluice.api.common.state.MapState;
import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.api.common.state.ReducingState;
import dev.sluice.api.common.state.ReducingStateDescriptor;
import dev.sluice.api.common.state.State;
import dev.sluice.api.common.state.StateDescriptor;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;

/** A {@link KeyedStateStore} whose states are scoped to a namespace chosen at each access. */
abstract class NamespacedStateStore implements KeyedStateStore {
  protected abstract <S extends State> S get(StateDescriptor<S, ?> descriptor);

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
    return get(d);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
    return get(d);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
    return get(d);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
    return get(d);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
    return get(d);
  }
}
