package dev.sluice.runtime.state;

import dev.sluice.api.common.state.State;

/** A function applied to the keyed state of every key (see {@code applyToKeyedState}). */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
  void process(K key, S state) throws Exception;
}
