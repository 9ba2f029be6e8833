package dev.sluice.api.common.state;

import java.util.Set;

/**
 * Operator state of one parallel instance of a function, for {@code CheckpointedFunction}s. On
 * restore at another parallelism, the elements of a list state are split among the new
 * instances, those of a union list state are all given to every instance, and a broadcast state
 * is given to every instance as it was.
 */
public interface OperatorStateStore {
  <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

  <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws Exception;

  Set<String> getRegisteredStateNames();

  Set<String> getRegisteredBroadcastStateNames();
}
