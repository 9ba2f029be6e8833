-- Nexmark q13: bounded side input join. The standard Flink SQL of the Nexmark suite (github.com/nexmark/nexmark,
-- nexmark-flink/src/main/resources/queries/q13.sql), with dateTime as the event-time column.
-- Each bid enriched from a bounded side input by auction id modulo its size. The suite
-- reads the side input from a CSV file; here it is the generated lookup table of
-- SideInputTableFactory: key i, value String.valueOf(i), for i below the side input size.

CREATE TABLE side_input (
  key BIGINT,
  `value` VARCHAR
) WITH (
  'connector' = 'nexmark-side-input',
  'size' = '${SIDE_INPUT_SIZE}'
);

CREATE TABLE nexmark_q13 (
  auction  BIGINT,
  bidder  BIGINT,
  price  BIGINT,
  `dateTime`  TIMESTAMP(3),
  `value`  VARCHAR
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO nexmark_q13
SELECT
    B.auction,
    B.bidder,
    B.price,
    B.`dateTime`,
    S.`value`
FROM (SELECT *, PROCTIME() as p_time FROM bid) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON mod(B.auction, ${SIDE_INPUT_SIZE}) = S.key;
