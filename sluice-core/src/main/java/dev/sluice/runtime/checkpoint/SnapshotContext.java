package dev.sluice.runtime.checkpoint;

import java.util.List;

/**
 * Given to an operator at a barrier, on the subtask's thread: the operator hands over copies of
 * its state, which are written to storage afterwards in the background.
 */
public interface SnapshotContext {
  long checkpointId();

  /** Epoch milliseconds at which the checkpoint was triggered. */
  long checkpointTimestamp();

  /** Whether this is a savepoint (keyed state must then be in the portable per-key-group format). */
  default boolean savepoint() {
    return false;
  }

  /** Stores one operator list state: its elements, already serialized. */
  void addOperatorState(String name, OperatorStateMode mode, List<byte[]> elements);

  /** Stores the operator's keyed state. */
  void setKeyedState(KeyedStateSnapshot snapshot);
}
