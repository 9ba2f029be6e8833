package dev.sluice.runtime.state;

import java.util.Collection;

/**
 * What operators (windows) need of keyed state beyond the user-facing interface: a namespace, and
 * merging the contents of several namespaces into one.
 */
public interface InternalKeyedState<N> {
  /** Scopes following accesses to {@code namespace} (a window), for the current key. */
  void setCurrentNamespace(N namespace);

  /**
   * Merges the current key's contents of {@code sources} into {@code target} and clears the
   * sources. Only for mergeable state (list, reducing, aggregating).
   */
  default void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be merged");
  }

  /** Number of entries over all keys and namespaces (for tests and metrics). */
  int size();

  /** Calls {@code action} with every key that has a value in the default namespace. */
  void forEachKey(java.util.function.Consumer<Object> action);
}
