package dev.sluice.api.common.state;

/** Access to keyed state by descriptor (per window or across windows in a window function). */
public interface KeyedStateStore {
  <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

  <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);

  <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties);
}
