package dev.sluice.runtime.elements;

/** The upstream subtask has finished: nothing follows on this channel. */
public enum EndOfInput implements Control {
  INSTANCE
}
