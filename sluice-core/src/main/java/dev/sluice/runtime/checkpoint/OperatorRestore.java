package dev.sluice.runtime.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state one operator instance starts from: its share of the operator list states (already
 * redistributed for this parallelism) and the key groups of keyed state it owns.
 *
 * @param operatorStates list state name to elements
 * @param keyedMeta the keyed state description, or null when the operator had no keyed state
 * @param keyGroups key group to its block, for the key groups this instance owns (for keyed state
 *     in native files, the blocks hold only the timers)
 * @param nativeState native keyed-state files (incremental RocksDB checkpoints) of the old
 *     instances overlapping this one's key groups; empty when the state is all in {@code keyGroups}
 * @param firstKeyGroup first key group this instance owns
 * @param endKeyGroup one past the last key group it owns
 * @param checkpointId the checkpoint (or savepoint) the job was restored from, 0 when it started
 *     afresh
 */
public record OperatorRestore(Map<String, List<byte[]>> operatorStates, byte[] keyedMeta,
    Map<Integer, byte[]> keyGroups, List<NativeRestore> nativeState, int firstKeyGroup, int endKeyGroup,
    long checkpointId) {
  /** A fresh start: no state, not restored. */
  public static final OperatorRestore EMPTY = new OperatorRestore(Map.of(), null, Map.of());

  public OperatorRestore(Map<String, List<byte[]>> operatorStates, byte[] keyedMeta, Map<Integer, byte[]> keyGroups) {
    this(operatorStates, keyedMeta, keyGroups, List.of(), 0, 0, 0);
  }

  /** An operator the checkpoint {@code checkpointId} has no state for (added since, or stateless). */
  public static OperatorRestore nothingFrom(long checkpointId) {
    return new OperatorRestore(Map.of(), null, Map.of(), List.of(), 0, 0, checkpointId);
  }

  /** Whether the job was restored from a checkpoint or savepoint. */
  public boolean restored() {
    return checkpointId > 0;
  }

  /** The elements of a list state, empty if the snapshot had none. */
  public List<byte[]> operatorState(String name) {
    return operatorStates.getOrDefault(name, List.of());
  }

  public Set<String> operatorStateNames() {
    return operatorStates.keySet();
  }
}
