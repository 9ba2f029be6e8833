-- Nexmark q4: average price for a category. The standard Flink SQL of the Nexmark suite (github.com/nexmark/nexmark,
-- nexmark-flink/src/main/resources/queries/q4.sql), with dateTime as the event-time column.
-- Average winning bid per category: a join and two aggregations.

CREATE TABLE nexmark_q4 (
  id BIGINT,
  final BIGINT
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO nexmark_q4
SELECT
    Q.category,
    AVG(Q.final)
FROM (
    SELECT MAX(B.price) AS final, A.category
    FROM auction A, bid B
    WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
    GROUP BY A.id, A.category
) Q
GROUP BY Q.category;
