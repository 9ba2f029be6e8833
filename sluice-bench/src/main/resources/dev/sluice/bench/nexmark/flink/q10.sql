-- Nexmark q10: log to file system. The standard Flink SQL of the Nexmark suite (github.com/nexmark/nexmark,
-- nexmark-flink/src/main/resources/queries/q10.sql), with dateTime as the event-time column.
-- Every bid with its day and minute as partition columns, written as CSV files in a directory per
-- (dt, hm) partition under the run's output directory (${OUTPUT_DIR}, set by the harness), as the
-- Sluice query writes them. Files roll every minute of processing time; a partition is committed
-- (with a _SUCCESS file) a minute of event time after its end, once the watermark passes it.

CREATE TABLE nexmark_q10 (
  auction  BIGINT,
  bidder  BIGINT,
  price  BIGINT,
  `dateTime`  TIMESTAMP(3),
  extra  VARCHAR,
  dt STRING,
  hm STRING
) PARTITIONED BY (dt, hm) WITH (
  'connector' = 'filesystem',
  'path' = '${OUTPUT_DIR}/flink-q10',
  'format' = 'csv',
  'sink.partition-commit.trigger' = 'partition-time',
  'sink.partition-commit.delay' = '1 min',
  'sink.partition-commit.policy.kind' = 'success-file',
  'partition.time-extractor.timestamp-pattern' = '$dt $hm:00',
  'sink.rolling-policy.rollover-interval' = '1min',
  'sink.rolling-policy.check-interval' = '1min'
);

INSERT INTO nexmark_q10
SELECT auction, bidder, price, `dateTime`, extra, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd'), DATE_FORMAT(`dateTime`, 'HH:mm')
FROM bid;
