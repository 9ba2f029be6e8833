-- Nexmark q19: auction top-10 price. The standard Flink SQL of the Nexmark suite (github.com/nexmark/nexmark,
-- nexmark-flink/src/main/resources/queries/q19.sql), with dateTime as the event-time column.
-- The 10 highest bids of each auction: a top-N.

CREATE TABLE nexmark_q19 (
  auction  BIGINT,
  bidder  BIGINT,
  price  BIGINT,
  channel  VARCHAR,
  url  VARCHAR,
  `dateTime`  TIMESTAMP(3),
  extra  VARCHAR,
  rank_number  BIGINT
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO nexmark_q19
SELECT * FROM
(SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number FROM bid)
WHERE rank_number <= 10;
