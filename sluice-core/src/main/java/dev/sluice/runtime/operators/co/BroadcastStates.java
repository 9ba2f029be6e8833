package dev.sluice.runtime.operators.co;

import dev.sluice.api.common.state.MapStateDescriptor;
import dev.sluice.runtime.state.HeapBroadcastState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one operator instance, one per descriptor given to
 * {@code broadcast(..)}. Operator state: per parallel instance, not per key.
 */
final class BroadcastStates {
  private final String operatorName;
  private final Map<String, HeapBroadcastState<?, ?>> states = new LinkedHashMap<>();

  BroadcastStates(String operatorName, List<MapStateDescriptor<?, ?>> descriptors,
      dev.sluice.runtime.checkpoint.OperatorRestore restore) throws java.io.IOException {
    this.operatorName = operatorName;
    for (MapStateDescriptor<?, ?> d : descriptors) {
      HeapBroadcastState<?, ?> state = new HeapBroadcastState<>(d.getName());
      if (states.putIfAbsent(d.getName(), state) == null && restore != null) {
        dev.sluice.runtime.state.DefaultOperatorStateStore.restoreBroadcast(state,
            restore.operatorState("broadcast:" + d.getName()));
      }
    }
  }

  /** Every instance holds the same broadcast state; each writes it, a restore takes the first. */
  void snapshot(dev.sluice.runtime.checkpoint.SnapshotContext snapshot) throws java.io.IOException {
    for (HeapBroadcastState<?, ?> state : states.values()) {
      snapshot.addOperatorState("broadcast:" + state.name(),
          dev.sluice.runtime.checkpoint.OperatorStateMode.BROADCAST,
          dev.sluice.runtime.state.DefaultOperatorStateStore.snapshotBroadcast(state));
    }
  }

  @SuppressWarnings("unchecked")
  <K, V> HeapBroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
    if (descriptor == null) {
      throw new NullPointerException("The broadcast state descriptor must not be null");
    }
    HeapBroadcastState<?, ?> state = states.get(descriptor.getName());
    if (state == null) {
      throw new IllegalArgumentException("The broadcast state '" + descriptor.getName()
          + "' does not exist in '" + operatorName + "': only the descriptors given to broadcast(..) "
          + "can be used, and they are " + states.keySet() + ". Check the state's name.");
    }
    return (HeapBroadcastState<K, V>) state;
  }

  /** A read-only view of the state {@code descriptor} names (cached per name). */
  @SuppressWarnings("unchecked")
  <K, V> ReadOnlyView<K, V> readOnly(MapStateDescriptor<K, V> descriptor) {
    HeapBroadcastState<K, V> state = get(descriptor);
    return (ReadOnlyView<K, V>) views.computeIfAbsent(state.name(), n -> new ReadOnlyView<>(state));
  }

  private final Map<String, ReadOnlyView<?, ?>> views = new java.util.HashMap<>();

  /** Every broadcast state, by name (for tests). */
  Map<String, HeapBroadcastState<?, ?>> all() {
    return states;
  }
}
