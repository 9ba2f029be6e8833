/**
 * Kafka Connect connectors hosted inside Sluice: any {@code org.apache.kafka.connect.source.SourceConnector}
 * as a Sluice source and any {@code org.apache.kafka.connect.sink.SinkConnector} as a Sluice sink,
 * configured with the connector's own properties. No Connect worker, no Kafka broker and no
 * {@code connect-runtime} are involved: Sluice plays the part of the Connect framework, and its
 * checkpoints take the place of Connect's offset topic.
 *
 * <h2>{@link dev.sluice.connector.kafka.connect.ConnectSource}</h2>
 *
 * <pre>{@code
 * ConnectSource<String> source = ConnectSource.<String>builder()
 *     .setConnector(FileStreamSourceConnector.class)
 *     .setProperties(Map.of("file", "/data/in.txt", "topic", "lines"))
 *     .setRecordConverter(ConnectRecordConverter.valueAsString())
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>Enumerator (coordinator side).</b> The enumerator creates the connector, validates the
 *       properties with {@code Connector.validate} (errors name the connector and the property),
 *       {@code initialize}s it and {@code start}s it, off the coordinator thread (both may do I/O).
 *       {@code taskConfigs(maxTasks)} become the splits, one split per task config, where {@code
 *       maxTasks} is the property {@code tasks.max} or else the source's parallelism. Split
 *       <i>i</i> goes to reader <i>i</i> mod parallelism. The connector runs until the enumerator
 *       closes, then it is {@code stop}ped. The enumerator's checkpoint holds whether the task
 *       configs were made, the configs themselves and the splits not yet handed out; a restored
 *       enumerator starts the connector again but keeps the checkpoint's task configs (the
 *       readers' splits carry them), and logs a warning when the connector now produces others.
 *   <li><b>Splits.</b> A {@code ConnectTaskSplit} is one task: its index, the task class, the task
 *       config, the latest source offset per source partition ({@code sourcePartition()} →
 *       {@code sourceOffset()} of the records emitted so far) and the number of records taken
 *       from the task. Splits are what a reader returns in {@code snapshotState}, so the offsets
 *       are in every checkpoint. Offsets keep their Java types (Connect offsets are maps of
 *       strings, numbers, booleans, bytes; lists and maps are kept too); any other type fails the
 *       checkpoint with a message naming the connector and the class.
 *   <li><b>Readers (subtask side).</b> For each split a reader runs the task on a thread of its
 *       own ({@code sluice-connect-<connector>-task-<i>}): {@code initialize(SourceTaskContext)},
 *       {@code start(config)}, then {@code poll()} in a loop — {@code poll} may block, so it never
 *       runs on a worker thread. Non-empty polls go into a bounded queue (16 polls per task); a
 *       full queue makes the task thread wait, so a slow job pushes back on the connector. The
 *       subtask thread takes records from the queues (at most 64 per {@code pollNext}), converts
 *       each {@code SourceRecord} with the user's {@link
 *       dev.sluice.connector.kafka.connect.ConnectRecordConverter}, emits it through the split's
 *       own output (watermarks per task) with the record's timestamp when it has one, and then
 *       records its source offset in the split. The task's {@code OffsetStorageReader} serves the
 *       offsets the split had when the task was started: none on a fresh start, the checkpointed
 *       ones after a restore — which is how a task such as {@code FileStreamSourceTask} resumes.
 *       A {@code RetriableException} from {@code poll} is logged and the poll repeated, as
 *       Connect does; any other exception (and any from {@code start}) fails the job once the
 *       records polled before it are emitted, with a message naming the connector class, the task
 *       and its position (records taken, last source offset).
 *   <li><b>Commits.</b> Records are acknowledged to the task only after the checkpoint that
 *       covers them completes: then {@code commitRecord(record, null)} for each (metadata is null:
 *       the record went to Sluice, not to a Kafka topic) and {@code commit()} for each task that
 *       had records in it, on a committer thread of the reader (Connect, too, calls them off the
 *       poll thread). Records are only retained for this when the task class overrides {@code
 *       commitRecord}. A failing {@code commit}/{@code commitRecord} is logged, as in Connect; it
 *       does not fail the job (the data is already safe in the checkpoint).
 *   <li><b>Bounded mode</b> (optional; a Connect source is unbounded by nature):
 *       {@code setMaxRecordsPerTask(n)} ends each task's split after it has taken {@code n}
 *       records from its task (counted across restores, part of the split state), and {@code
 *       setIdleTimeout(d)} ends a task's split when its {@code poll()} has returned no records for
 *       {@code d} (measured on the task thread; the records polled before are all emitted). Either
 *       makes the source {@code BOUNDED}; without them it runs until cancelled. Tasks whose split
 *       ended are stopped when the reader closes, after the last commits.
 *   <li><b>Records that cannot be converted</b> (the converter throws or returns null) fail the
 *       job by default, naming the connector, the task and the source partition and offset;
 *       with {@link dev.sluice.connector.kafka.connect.ConversionErrorPolicy#SKIP} they are logged,
 *       counted in the source's {@code numRecordsSkipped} metric and acknowledged like the others.
 * </ul>
 *
 * <h2>{@link dev.sluice.connector.kafka.connect.ConnectSink}</h2>
 *
 * <pre>{@code
 * ConnectSink<String> sink = ConnectSink.<String>builder()
 *     .setConnector(FileStreamSinkConnector.class)
 *     .setProperties(Map.of("file", "/data/out.txt"))
 *     .setValueConverter(SinkValueConverter.string())
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>A sink has no coordinator side, so each writer creates the connector, validates,
 *       initializes and starts it, takes {@code taskConfigs(parallelism)} and uses config number
 *       <i>subtask</i> (a connector that returns fewer configs than the sink's parallelism is
 *       refused, naming both numbers; lower the sink's parallelism). The writer of subtask 0 keeps
 *       its connector running until it closes; the others stop theirs once they have their config.
 *       This assumes {@code taskConfigs} depends only on the properties, which is how connectors
 *       are written.
 *   <li>One {@code SinkTask} per subtask: {@code initialize(SinkTaskContext)}, {@code
 *       start(config)}, {@code open([topic-subtask])}. Elements become {@code SinkRecord}s with the
 *       topic ({@code setTopic}, else the first of the {@code topics} property, else {@code
 *       sluice}), Kafka partition = subtask index, and an offset that grows by one per element of
 *       the subtask. The next offset is the writer's state in checkpoints, so after a restore the
 *       offsets go on from the checkpoint, as a Kafka consumer's would (replayed records get the
 *       offsets they had). Key and value come from the user's {@link
 *       dev.sluice.connector.kafka.connect.SinkValueConverter}s.
 *   <li>{@code put} receives batches ({@code setBatchSize}, 500 by default). At every checkpoint
 *       barrier, and at the end of a bounded input, the writer puts what it holds and calls {@code
 *       preCommit(currentOffsets)} (which by default {@code flush}es): everything put before the
 *       barrier is flushed before the checkpoint completes — at least once. When {@code preCommit}
 *       returns a lower offset for the partition (a task that writes asynchronously), the writer
 *       asks again until the task has caught up or the flush timeout passes, which fails the
 *       checkpoint. An empty map from {@code preCommit} means the task keeps its own offsets and is
 *       accepted. On close: {@code close(partitions)}, {@code stop()}.
 *   <li>A {@code RetriableException} from {@code put} retries the same batch (after the task's
 *       {@code context.timeout(ms)}, else 100 ms) up to {@code setMaxRetries} times; any other
 *       error fails the job, naming the connector class, the task, the partition and the offsets
 *       of the batch. An element the converter rejects fails the job by default, or with {@code
 *       SKIP} is logged and counted in the sink's {@code numRecordsSkipped} metric.
 * </ul>
 *
 * <h2>What the hosts do not provide</h2>
 *
 * Task reconfiguration ({@code ConnectorContext.requestTaskReconfiguration}) is logged and
 * ignored: the tasks are fixed when the job starts. A connector's own {@code
 * SourceConnectorContext.offsetStorageReader()} throws (offsets live in the readers' splits, not on
 * the coordinator side). Sink tasks' {@code SinkTaskContext.offset(..)} rewinds, {@code
 * pause}/{@code resume} and {@code requestCommit} are logged and ignored (Sluice neither rewinds nor
 * pauses an input on a task's request; it commits at checkpoints); {@code errantRecordReporter()}
 * is null, which Connect documents as "no reporter". Exactly-once source support ({@code
 * TransactionContext}), single message transforms and Connect converters are not used: the
 * user's converter functions take their place.
 */
package dev.sluice.connector.kafka.connect;
