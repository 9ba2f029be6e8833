package dev.sluice.runtime.graph;

import dev.sluice.api.java.functions.KeySelector;

/** How the records of an edge are spread over the downstream subtasks. */
public record Partitioning(Kind kind, KeySelector<?, ?> keySelector) {
  /** The exchange patterns. */
  public enum Kind {
    /** Subtask i sends to subtask i; needs equal parallelism; lets operators chain. */
    FORWARD,
    /** Round robin over all downstream subtasks. */
    REBALANCE,
    /** Uniformly random downstream subtask. */
    SHUFFLE,
    /** Every record to every downstream subtask. */
    BROADCAST,
    /** By key group of the record's key. */
    HASH
  }

  public static final Partitioning FORWARD = new Partitioning(Kind.FORWARD, null);
  public static final Partitioning REBALANCE = new Partitioning(Kind.REBALANCE, null);
  public static final Partitioning SHUFFLE = new Partitioning(Kind.SHUFFLE, null);
  public static final Partitioning BROADCAST = new Partitioning(Kind.BROADCAST, null);

  public static Partitioning hash(KeySelector<?, ?> keySelector) {
    return new Partitioning(Kind.HASH, keySelector);
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
