package dev.sluice.runtime.state;

/** The kinds of keyed state; the ordinal is part of the snapshot format. */
public enum StateKind {
  VALUE("ValueState"), LIST("ListState"), MAP("MapState"), REDUCING("ReducingState"),
  AGGREGATING("AggregatingState");

  private final String displayName;

  StateKind(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
