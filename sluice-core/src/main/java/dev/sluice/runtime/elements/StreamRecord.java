package dev.sluice.runtime.elements;

/** A record with its timestamp, as the test kit and harnesses observe it. */
public record StreamRecord<T>(T value, long timestamp) {
  public boolean hasTimestamp() {
    return timestamp != RecordBatch.NO_TIMESTAMP;
  }
}
