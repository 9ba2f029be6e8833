package dev.sluice.runtime.state;

import dev.sluice.runtime.checkpoint.NativeRestore;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads keyed state a backend kept in its own files (an incremental RocksDB checkpoint) into the
 * per-key-group blocks of {@link KeyedStateFormat}, so that any backend restores it at any
 * parallelism. Found with {@link java.util.ServiceLoader} (the RocksDB module provides one).
 */
public interface NativeStateReader {
  /** The {@code kind} of native state it reads ({@code "rocksdb"}). */
  String kind();

  /**
   * The blocks of key groups {@code [first, end)}: the entries from the native files of {@code
   * sources}, followed by the timers of {@code timerBlocks} (blocks whose state counts are all
   * zero; a key group without one has no timers). Key groups without entries or timers are left out.
   */
  Map<Integer, byte[]> toKeyGroups(byte[] meta, Map<Integer, byte[]> timerBlocks,
      List<NativeRestore> sources, int first, int end) throws IOException;
}
