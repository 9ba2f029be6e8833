package dev.sluice.connector.kafka.connect;

/** What a Connect source or sink does with a record its converter cannot convert. */
public enum ConversionErrorPolicy {
  /** Fail the job, naming the connector, the task and the record's position (the default). */
  FAIL,
  /** Skip the record: it is logged and counted in the operator's {@code numRecordsSkipped} metric. */
  SKIP
}
