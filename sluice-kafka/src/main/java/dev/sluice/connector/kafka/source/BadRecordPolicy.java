package dev.sluice.connector.kafka.source;

/** What the Kafka source does with a record its deserializer rejects. */
public enum BadRecordPolicy {
  /** Fail the job, naming the topic, partition and offset (the default). */
  FAIL,
  /** Skip it: logged, and counted in the source's {@code numBadRecordsSkipped} metric. */
  SKIP,
  /**
   * Write its raw key and value to the dead-letter topic, with the error and its coordinates in
   * headers ({@code sluice.error}, {@code sluice.topic}, {@code sluice.partition}, {@code
   * sluice.offset}), then go on; counted in {@code numBadRecordsDeadLettered}.
   */
  DEAD_LETTER
}
