package dev.sluice.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.sluice.streaming.api.functions.sink.filesystem.BucketAssigner;

/** Writes everything into the base path (no subdirectories): the default. */
public final class BasePathBucketAssigner<T> implements BucketAssigner<T, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getBucketId(T element, Context context) {
    return "";
  }

  @Override
  public String toString() {
    return "BasePathBucketAssigner";
  }
}
