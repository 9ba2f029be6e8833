package dev.sluice.runtime.state;

/** Keyed state as objects on the heap, in hash tables per key group (the default). */
public final class HashMapStateBackend implements StateBackend {
  private static final long serialVersionUID = 1L;

  public static final String NAME = "hashmap";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KeyedStateBackend createKeyedStateBackend(KeyedBackendParameters p) {
    return new HeapKeyedStateBackend(p.maxParallelism(), p.subtask(), p.parallelism());
  }

  @Override
  public String toString() {
    return "HashMapStateBackend";
  }
}
