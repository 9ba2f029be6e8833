/**
 * The Nexmark queries q0 to q22 as Sluice DataStream jobs ({@link
 * dev.sluice.bench.nexmark.queries.NexmarkQueries}), with the semantics of the standard Flink SQL
 * queries of the Nexmark suite; each class's description says where its DataStream shape departs.
 *
 * <p>Shared decisions:
 *
 * <ul>
 *   <li><b>Event time from the records.</b> Queries use the timestamps the source sets (the event's
 *       {@code dateTime}) and the watermarks the caller assigns; times print in UTC, as the SQL
 *       tables' {@code TIMESTAMP(3)}.
 *   <li><b>Updating SQL results become streams of rows.</b> Where the SQL keeps an updating table,
 *       a query emits a row whenever a key's value changes (q4, q6, q18, q19: the last row per key
 *       is the current value) or once, final, when event time closes it (q9's winners, the daily
 *       statistics of q15 to q17). At the end of a bounded input the final rows equal the SQL's.
 *   <li><b>Incremental joins with keyed state and timers</b> (q3, q8, q20 and the winning bids of
 *       q4, q6, q9), keeping state only as long as it can still join: Nexmark creates bids and
 *       auctions for up to ten auctions and persons ahead of the newest, so either side may come
 *       first, and the watermark says when a side can no longer come.
 *   <li><b>No allocation per record beyond the result</b>: typed records, counters in arrays,
 *       primitive sets for distinct counts, windows computed by the slicing operator where the
 *       window function allows it.
 * </ul>
 */
package dev.sluice.bench.nexmark.queries;
