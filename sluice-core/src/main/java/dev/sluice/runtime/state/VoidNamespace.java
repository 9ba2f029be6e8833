package dev.sluice.runtime.state;

/** The namespace of state that is not scoped to a window: plain keyed state. */
public enum VoidNamespace {
  INSTANCE
}
