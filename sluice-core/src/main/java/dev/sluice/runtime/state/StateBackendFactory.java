package dev.sluice.runtime.state;

import java.util.Map;

/**
 * Creates a {@link StateBackend} from its name and options: how {@link StateBackends} finds
 * backends by name without a compile-time dependency. Implementations are listed in {@code
 * META-INF/services/dev.sluice.runtime.state.StateBackendFactory}.
 */
public interface StateBackendFactory {
  /** Names this factory answers to (lower case), e.g. {@code "rocksdb"}. */
  java.util.Set<String> names();

  /** A backend configured from {@code options} ({@code state.backend.*} keys); unknown keys are errors. */
  StateBackend create(Map<String, String> options);
}
