package dev.sluice.runtime.state;

import dev.sluice.api.common.state.KeyedStateStore;
import dev.sluice.api.common.state.OperatorStateStore;
import java.util.OptionalLong;

/** Given to {@code CheckpointedFunction.initializeState}: where the function registers its state. */
public interface FunctionInitializationContext {
  /** Whether the job restored from a checkpoint or savepoint (the states hold restored data). */
  boolean isRestored();

  /** The checkpoint restored from, if any. */
  OptionalLong getRestoredCheckpointId();

  OperatorStateStore getOperatorStateStore();

  /** Keyed state, when the function runs on a keyed stream; otherwise an exception. */
  KeyedStateStore getKeyedStateStore();
}
