package dev.sluice.runtime.checkpoint;

import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/**
 * The keyed state of one operator instance as copied at a barrier: written later, off the
 * subtask's thread, as one description (states, formats) and one block per key group, so a
 * restore at another parallelism reads just the key groups it owns.
 */
public interface KeyedStateSnapshot {
  /** First key group covered. */
  int firstKeyGroup();

  /** One past the last key group covered. */
  int endKeyGroup();

  /** Writes what is needed to read the key-group blocks: state names, kinds and formats. */
  void writeMeta(DataOutputView out) throws IOException;

  /** Writes one key group's entries; returns false (and writes nothing) when it has none. */
  boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException;

  /**
   * For a native snapshot (an incremental RocksDB checkpoint): writes the backend's files — new
   * ones to {@code CheckpointStorage.sharedDirOf(checkpointDir)}, the rest into {@code
   * checkpointDir} — after the meta and key-group blocks (which then hold only timers), and
   * returns what the metadata records. Null (the default): the key-group blocks hold everything.
   */
  default dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeStateRef writeNativeFiles(
      java.nio.file.Path checkpointDir) throws IOException {
    return null;
  }

  /** Bytes {@link #writeNativeFiles} copied (files it only referenced do not count). */
  default long nativeBytesWritten() {
    return 0;
  }

  /**
   * Frees what the snapshot holds (files, native handles); called once after it was written, or
   * when it never will be. Any thread.
   */
  default void release() {}
}
