package dev.sluice.runtime.checkpoint;

import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeFile;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeStateRef;
import java.nio.file.Path;

/**
 * The native keyed-state files (an incremental RocksDB checkpoint) of one old operator instance
 * whose key groups overlap those of the instance being restored.
 *
 * @param firstKeyGroup first key group the old instance owned
 * @param endKeyGroup one past its last key group
 * @param checkpointDir the checkpoint's directory (files are resolved against it)
 * @param state the files
 */
public record NativeRestore(int firstKeyGroup, int endKeyGroup, Path checkpointDir, NativeStateRef state) {
  /** Where {@code file} lies. */
  public Path path(NativeFile file) {
    return CheckpointStorage.resolve(checkpointDir, file);
  }
}
