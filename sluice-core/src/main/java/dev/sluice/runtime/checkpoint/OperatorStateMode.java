package dev.sluice.runtime.checkpoint;

/**
 * How an operator's list state is handed out when a job restores, possibly at another
 * parallelism: {@link #SPLIT_DISTRIBUTE} splits the union of all instances' elements among the new
 * instances; {@link #UNION} gives every new instance all elements; {@link #BROADCAST} gives every
 * new instance the elements of the first old instance (all instances held the same).
 */
public enum OperatorStateMode {
  SPLIT_DISTRIBUTE,
  UNION,
  BROADCAST
}
