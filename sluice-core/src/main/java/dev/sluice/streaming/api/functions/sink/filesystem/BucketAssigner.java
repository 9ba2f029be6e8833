package dev.sluice.streaming.api.functions.sink.filesystem;

import java.io.Serializable;

/**
 * Chooses the bucket — the subdirectory of the sink's base path — an element is written to. Each
 * bucket has its own part files; an empty bucket id means the base path itself.
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {
  /** The bucket of {@code element}; its {@code toString()} is the subdirectory (may contain '/'). */
  BucketID getBucketId(IN element, Context context);

  /** What an assigner may look at besides the element. */
  interface Context {
    /** Processing time, epoch milliseconds. */
    long currentProcessingTime();

    /** The sink's current watermark. */
    long currentWatermark();

    /** The element's timestamp, or null if it has none. */
    Long timestamp();
  }
}
