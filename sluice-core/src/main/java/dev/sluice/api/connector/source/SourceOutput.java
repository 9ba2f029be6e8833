package dev.sluice.api.connector.source;

import dev.sluice.api.common.eventtime.WatermarkOutput;

/** Where a reader puts records. */
public interface SourceOutput<T> extends WatermarkOutput {
  /** Emits a record without a timestamp of its own (the timestamp assigner may give it one). */
  void collect(T record);

  /** Emits a record with a timestamp from the source (e.g. a Kafka record's timestamp). */
  void collect(T record, long timestamp);
}
