package dev.sluice.streaming.api.functions.sink.filesystem;

import java.io.IOException;
import java.io.Serializable;

/**
 * Decides when a file sink closes its current part file and starts a new one. A closed part file
 * becomes visible when it is committed.
 */
public interface RollingPolicy<IN, BucketID> extends Serializable {
  /** Whether the part file must be closed when a commit is prepared (a checkpoint). */
  boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException;

  /** Whether to start a new part file before writing {@code element}. */
  boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException;

  /** Whether the part file has been open or idle for too long at {@code currentTime}. */
  boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime)
      throws IOException;
}
