package dev.sluice.streaming.api.functions.sink.filesystem;

/** The part file a sink is writing, as a {@link RollingPolicy} sees it. */
public interface PartFileInfo<BucketID> {
  /** The bucket the file belongs to. */
  BucketID getBucketId();

  /** When the file was opened, in processing time (epoch milliseconds). */
  long getCreationTime();

  /** Bytes written to the file so far. */
  long getSize();

  /** When an element was last written to the file, in processing time (epoch milliseconds). */
  long getLastUpdateTime();
}
