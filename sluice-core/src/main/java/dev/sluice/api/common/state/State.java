package dev.sluice.api.common.state;

/** A piece of keyed state. Every access is scoped to the key of the element being processed. */
public interface State {
  /** Removes the value of the current key. */
  void clear();
}
