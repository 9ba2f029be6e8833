-- Nexmark q22: get URL directories. The standard Flink SQL of the Nexmark suite (github.com/nexmark/nexmark,
-- nexmark-flink/src/main/resources/queries/q22.sql), with dateTime as the event-time column.
-- The first three directories of each bid URL: SPLIT_INDEX.

CREATE TABLE nexmark_q22 (
  auction  BIGINT,
  bidder  BIGINT,
  price  BIGINT,
  channel  VARCHAR,
  dir1  VARCHAR,
  dir2  VARCHAR,
  dir3  VARCHAR
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO nexmark_q22
SELECT
    auction, bidder, price, channel,
    SPLIT_INDEX(url, '/', 3) as dir1,
    SPLIT_INDEX(url, '/', 4) as dir2,
    SPLIT_INDEX(url, '/', 5) as dir3 FROM bid;
