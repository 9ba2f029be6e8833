-- Nexmark q2: selection. The standard Flink SQL of the Nexmark suite (github.com/nexmark/nexmark,
-- nexmark-flink/src/main/resources/queries/q2.sql), with dateTime as the event-time column.
-- Bids on every 123rd auction.

CREATE TABLE nexmark_q2 (
  auction  BIGINT,
  price  BIGINT
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO nexmark_q2
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0;
