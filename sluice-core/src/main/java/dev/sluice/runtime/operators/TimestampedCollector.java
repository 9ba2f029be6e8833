package dev.sluice.runtime.operators;

import dev.sluice.runtime.elements.RecordBatch;
import dev.sluice.util.Collector;

/** A collector that stamps what it collects with the timestamp of the record being processed. */
public final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  private long timestamp = RecordBatch.NO_TIMESTAMP;

  public TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  public void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  public void eraseTimestamp() {
    this.timestamp = RecordBatch.NO_TIMESTAMP;
  }

  @Override
  public void collect(T record) {
    output.collect(record, timestamp);
  }
}
