package dev.sluice.runtime.channel;

/**
 * Keys are hashed to one of {@code maxParallelism} key groups; key groups are given to subtasks in
 * contiguous ranges. Key groups are the unit of keyed state, so a job can be restored with another
 * parallelism by moving whole key groups.
 */
public final class KeyGroups {
  /** Default number of key groups, as in Flink. */
  public static final int DEFAULT_MAX_PARALLELISM = 128;

  /** Largest supported number of key groups. */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  private KeyGroups() {}

  /** The key group of a key: its hash code, scrambled so that weak hash codes spread. */
  public static int keyGroupFor(Object key, int maxParallelism) {
    if (key == null) {
      throw new NullPointerException(
          "A key selector returned null; keys must not be null");
    }
    return keyGroupForHash(scramble(key.hashCode()), maxParallelism);
  }

  /** The spread hash of a key: key groups are cut from it, and keyed state tables index by it. */
  public static int spreadHash(Object key) {
    return scramble(key.hashCode());
  }

  /** The key group of a key whose {@link #spreadHash} is {@code hash}. */
  public static int keyGroupForHash(int hash, int maxParallelism) {
    // for a power of two the mask equals floorMod, without a division on the hot path
    return (maxParallelism & (maxParallelism - 1)) == 0
        ? hash & (maxParallelism - 1) : Math.floorMod(hash, maxParallelism);
  }

  /** The subtask (0-based) that owns a key group. */
  public static int subtaskForKeyGroup(int keyGroup, int maxParallelism, int parallelism) {
    return keyGroup * parallelism / maxParallelism;
  }

  /** First key group owned by a subtask. */
  public static int firstKeyGroup(int subtask, int maxParallelism, int parallelism) {
    return (subtask * maxParallelism + parallelism - 1) / parallelism;
  }

  /** One past the last key group owned by a subtask. */
  public static int endKeyGroup(int subtask, int maxParallelism, int parallelism) {
    return firstKeyGroup(subtask + 1, maxParallelism, parallelism);
  }

  /** The 32-bit finalization mix of MurmurHash3: every input bit affects every output bit. */
  static int scramble(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
