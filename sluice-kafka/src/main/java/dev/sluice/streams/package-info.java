/**
 * The Streams DSL: Kafka Streams' API (names and semantics of the common subset) running on the
 * Sluice engine. A Kafka Streams program ports by replacing {@code org.apache.kafka.streams} with
 * {@code dev.sluice.streams} in its imports; {@code Serdes}, {@code Serde} and {@code Bytes} stay
 * kafka-clients' own classes.
 *
 * <h2>One engine</h2>
 * A {@link dev.sluice.streams.StreamsBuilder} records a graph of nodes; {@link
 * dev.sluice.streams.StreamsBuilder#build()} gives a {@link dev.sluice.streams.Topology}, which is
 * compiled — each time it runs, so that a restart builds the same job again — into ordinary
 * DataStream transformations of one Sluice job ({@code internals.Compilation}). There is no second
 * runtime: DSL operators are Sluice operators, their state is Sluice keyed state, their failures
 * and recovery are the engine's.
 *
 * <ul>
 *   <li><b>Records.</b> A {@code KStream} is a {@code DataStream<KeyValue<K, V>>}; the Kafka record
 *       timestamp travels as the element's timestamp (the source is a {@code KafkaSource}, whose
 *       records carry their Kafka timestamps). A {@code KTable} is a stream of changes
 *       ({@code Change(key, newValue, oldValue)}): updates replace by key, a null new value is a
 *       delete, and each update carries the value it replaces so that a re-grouping ({@code
 *       KTable.groupBy}) can subtract it from its old group before adding the new value to the new
 *       group.</li>
 *   <li><b>Repartitioning.</b> Kafka Streams writes a repartition topic after a key-changing
 *       operation ({@code map}, {@code selectKey}, {@code flatMap}, {@code groupBy}). Sluice
 *       instead redistributes in the engine: every grouping and every join starts with a {@code
 *       keyBy} exchange on the record key (hash of the key → key group → task). Topic partitions
 *       are not key groups, so the exchange is needed even when the key did not change; it is
 *       cheaper than a topic round trip and needs no internal topics.</li>
 *   <li><b>State.</b> Aggregations, tables and joins keep their state in Sluice keyed state (heap
 *       or RocksDB, per the job's state backend), written into checkpoints; there are no
 *       changelog topics. {@code Materialized} names the operator (its state and metrics) and may
 *       turn caching off; its serdes are accepted and unused.</li>
 *   <li><b>Record cache.</b> With {@code statestore.cache.max.bytes} &gt; 0 (default 10 MiB) a
 *       table operator coalesces the updates of a key and emits the newest (with the value before
 *       the first) every {@code commit.interval.ms} (30 000 ms by default, 100 ms with
 *       exactly-once) by a processing-time callback, before every checkpoint barrier (so no
 *       update is held in a checkpoint without being emitted — the equivalent of Kafka Streams
 *       flushing its caches on commit), and when the cache holds more keys than the byte budget
 *       allows (an estimate of 128 bytes per key). With 0, or {@code
 *       Materialized.withCachingDisabled()}, every update is emitted.</li>
 *   <li><b>Guarantees.</b> {@code processing.guarantee=at_least_once} (default): checkpoints
 *       every {@code commit.interval.ms} (not aligned) and an at-least-once Kafka sink flushed at
 *       each barrier. {@code exactly_once_v2}: aligned checkpoints, exactly-once Kafka sinks (one
 *       transaction per checkpoint and task, transactional id prefix {@code
 *       <application.id>-<sink name>}) and {@code read_committed} sources.</li>
 *   <li><b>Identity and restarts.</b> {@code application.id} is the consumer group id, the
 *       transactional prefix and the state directory {@code <state.dir>/<application.id>},
 *       where checkpoints are kept. A new {@code KafkaStreams} with the same application id
 *       resumes from the latest checkpoint there — the offsets and state it holds — as a Kafka
 *       Streams application resumes from committed offsets and changelogs; {@code close()}
 *       stops the job with a final checkpoint so that a clean restart neither loses nor repeats
 *       output. {@code cleanUp()} deletes the directory (only while not running).</li>
 *   <li><b>Failures.</b> The engine does not restart a DSL job itself; a failure goes to the
 *       {@code StreamsUncaughtExceptionHandler}: {@code REPLACE_THREAD} runs the job again from
 *       the latest checkpoint, the other answers (and no handler) move the client to {@code
 *       ERROR}.</li>
 *   <li><b>Dropped records.</b> Records an aggregation or a join cannot take (a null key; for
 *       aggregations also a null value — as Kafka Streams drops them) are removed by an operator
 *       {@code <name>-drop-nulls} / {@code <name>-drop-null-keys} that counts them in its metric
 *       {@code droppedRecords} and logs them (the first, then every 1000th): never silently
 *       lost.</li>
 *   <li><b>Parallelism.</b> {@code num.stream.threads} (default 1) is the job's parallelism: each
 *       source reads its topic's partitions spread over that many tasks.</li>
 *
 *   <li><b>Windows and stream-stream joins</b> follow Kafka Streams' stream time — the largest
 *       record timestamp a task has seen — not watermarks: the operators advance their keyed
 *       timers to stream time themselves. A window closes at {@code end + grace}; a record for a
 *       closed window (or outside a join's window plus grace) is late, dropped and counted in
 *       {@code numLateRecordsDropped}. {@code suppress(untilWindowCloses)} and {@code
 *       emitStrategy(onWindowClose)} make the aggregation emit each window once, at close. Stream
 *       time is in checkpoints (union state: a task restored at the same parallelism takes its own
 *       back, after rescaling the smallest), so late records stay late across restarts.</li>
 * </ul>
 *
 * <p>Not supported yet: other suppressions, state stores and punctuation in the
 * processor API, interactive queries, foreign-key table joins.
 */
package dev.sluice.streams;
