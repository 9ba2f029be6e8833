package dev.sluice.connector.kafka.connect;

import dev.sluice.api.connector.sink2.StatefulSinkWriter;
import dev.sluice.api.connector.sink2.WriterInitContext;
import dev.sluice.runtime.metrics.OperatorMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkConnectorContext;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one subtask's elements to a {@link SinkTask}, as {@code SinkRecord}s of partition
 * <i>subtask</i> with offsets counting up from the checkpointed one. See the package documentation.
 */
final class ConnectSinkWriter<T> implements StatefulSinkWriter<T, ConnectSinkState> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectSinkWriter.class);

  private final ConnectSink<T> sink;
  private final String connector;
  private final int subtask;
  private final TopicPartition partition;
  private String describe;
  private Class<? extends SinkTask> taskType;
  private final OperatorMetrics.Counter skipped;
  /** States of other partitions this writer received on a rescaled restore; kept for later restores. */
  private final TreeMap<Integer, Long> carried = new TreeMap<>();
  private final List<SinkRecord> batch = new ArrayList<>();
  private long nextOffset;
  /** The offset after the last record handed to the task with {@code put}. */
  private long putOffset;
  private SinkConnector runningConnector;
  private ConnectPluginMetrics connectorMetrics;
  private ConnectPluginMetrics taskMetrics;
  private SinkTask task;
  private boolean taskStarted;
  private boolean opened;
  private long retryBackoffMs = -1;
  private volatile Exception connectorError;

  ConnectSinkWriter(ConnectSink<T> sink, WriterInitContext context, Collection<ConnectSinkState> restored)
      throws IOException {
    this.sink = sink;
    this.connector = sink.getConnectorClass().getName();
    this.subtask = context.getSubtaskId();
    this.partition = new TopicPartition(sink.getTopic(), subtask);
    this.skipped = context.metrics().counter("numRecordsSkipped");
    long restoredOffset = -1;
    long highest = 0;
    for (ConnectSinkState s : restored) {
      if (s.partition() == subtask) {
        restoredOffset = Math.max(restoredOffset, s.nextOffset());
      } else {
        carried.merge(s.partition(), s.nextOffset(), Math::max);
      }
      highest = Math.max(highest, s.nextOffset());
    }
    if (restoredOffset < 0 && !restored.isEmpty()) {
      restoredOffset = highest;
      LOG.info("Kafka Connect sink connector {}, subtask {}: restored at another parallelism without the state of"
          + " partition {}; its offsets go on from {}, the highest among the states it received", connector, subtask,
          partition, highest);
    }
    this.nextOffset = Math.max(0, restoredOffset);
    this.putOffset = nextOffset;
    this.describe = "Kafka Connect sink connector " + connector + ", task " + subtask;
    try {
      Map<String, String> config = taskConfig(context.getNumberOfParallelSubtasks());
      this.describe = "Kafka Connect sink connector " + connector + ", task " + subtask + " (" + taskType.getName() + ")";
      task = Connectors.instantiate(taskType, "sink task");
      task.initialize(new TaskContext(config));
      taskStarted = true;
      task.start(config);
      task.open(List.of(partition));
      opened = true;
    } catch (RuntimeException e) {
      close();
      throw new IOException(describe + " failed to start: " + e.getMessage(), e);
    }
  }

  /**
   * Starts the connector and returns this subtask's task config. Subtask 0 keeps its connector
   * running until it closes; the others stop theirs at once.
   */
  private Map<String, String> taskConfig(int parallelism) {
    Map<String, String> props = sink.getProperties();
    int maxTasks = Connectors.maxTasks(props, parallelism, connector);
    if (maxTasks < parallelism) {
      throw new IllegalArgumentException("tasks.max is " + maxTasks + ", lower than the sink's parallelism "
          + parallelism + ": every subtask runs one task; lower the parallelism of the sink or raise tasks.max");
    }
    SinkConnector c = Connectors.instantiate(sink.getConnectorClass(), "sink connector");
    Connectors.validate(c, props);
    ConnectPluginMetrics metrics = new ConnectPluginMetrics(connector, null);
    c.initialize(new ConnectorContext(metrics));
    List<Map<String, String>> configs;
    try {
      c.start(props);
      configs = c.taskConfigs(parallelism);
      taskType = Connectors.taskClass(c, SinkTask.class);
    } catch (RuntimeException e) {
      stopQuietly(c);
      metrics.close();
      throw e;
    }
    if (subtask == 0) {
      runningConnector = c;
      connectorMetrics = metrics;
    } else {
      stopQuietly(c);
      metrics.close();
    }
    if (configs == null || configs.size() < parallelism) {
      throw new IllegalStateException("the connector made " + (configs == null ? 0 : configs.size())
          + " task config(s) for the sink's parallelism " + parallelism
          + "; every subtask needs one: lower the parallelism of the sink");
    }
    return configs.get(subtask);
  }

  private void stopQuietly(SinkConnector c) {
    try {
      c.stop();
    } catch (RuntimeException e) {
      LOG.warn("Kafka Connect sink connector {} failed to stop: {}", connector, e.toString());
    }
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    checkConnector();
    SchemaAndValue key;
    SchemaAndValue value;
    try {
      key = sink.getKeyConverter() == null ? SchemaAndValue.NULL : sink.getKeyConverter().convert(element);
      value = sink.getValueConverter().convert(element);
      if (key == null || value == null) {
        throw new IllegalArgumentException("the " + (key == null ? "key" : "value") + " converter returned null");
      }
    } catch (Exception e) {
      String where = "element " + element + " (it would have been offset " + nextOffset + " of " + partition + ")";
      if (sink.getConversionErrorPolicy() == ConversionErrorPolicy.FAIL) {
        throw new IOException("Could not convert for " + describe + " the " + where + ": " + e, e);
      }
      skipped.inc();
      LOG.warn("Skipped for {} the {} that could not be converted ({} skipped so far): {}", describe, where,
          skipped.getCount(), e.toString());
      return;
    }
    Long timestamp = context.timestamp();
    batch.add(new SinkRecord(partition.topic(), partition.partition(), key.schema(), key.value(), value.schema(),
        value.value(), nextOffset++, timestamp, timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE
        : TimestampType.CREATE_TIME));
    if (batch.size() >= sink.getBatchSize()) {
      put();
    }
  }

  /** Hands the batch to the task, retrying it after retriable errors. */
  private void put() throws IOException, InterruptedException {
    if (batch.isEmpty()) {
      return;
    }
    long first = batch.get(0).kafkaOffset();
    long last = batch.get(batch.size() - 1).kafkaOffset();
    List<SinkRecord> records = List.copyOf(batch);
    for (int attempt = 0; ; attempt++) {
      try {
        task.put(records);
        break;
      } catch (RetriableException e) {
        if (attempt >= sink.getMaxRetries()) {
          throw new IOException(describe + " failed in put() of the records at offsets " + first + ".." + last
              + " of " + partition + ", still after " + attempt + " retries: " + e, e);
        }
        long backoff = retryBackoffMs > 0 ? retryBackoffMs : 100;
        LOG.warn("{}: put() of the records at offsets {}..{} of {} failed with a retriable error; trying again in"
            + " {} ms: {}", describe, first, last, partition, backoff, e.toString());
        Thread.sleep(backoff);
      } catch (RuntimeException e) {
        throw new IOException(describe + " failed in put() of the records at offsets " + first + ".." + last
            + " of " + partition + ": " + e, e);
      }
    }
    batch.clear();
    putOffset = last + 1;
  }

  /**
   * Puts what is buffered and makes the task flush it ({@code preCommit}), waiting for a task that
   * flushes asynchronously to report it has caught up.
   */
  private void flushTask() throws IOException, InterruptedException {
    checkConnector();
    put();
    Map<TopicPartition, OffsetAndMetadata> current = Map.of(partition, new OffsetAndMetadata(putOffset));
    long deadline = System.nanoTime() + sink.getFlushTimeoutMs() * 1_000_000;
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> safe;
      try {
        safe = task.preCommit(current);
      } catch (RuntimeException e) {
        throw new IOException(describe + " failed to flush (preCommit) the records up to offset " + putOffset
            + " of " + partition + ": " + e, e);
      }
      OffsetAndMetadata done = safe == null ? null : safe.get(partition);
      if (safe == null || safe.isEmpty() || (done != null && done.offset() >= putOffset)) {
        return; // an empty answer: the task commits its own offsets
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(describe + " reports records up to offset " + (done == null ? "none" : done.offset())
            + " of " + partition + " flushed, of " + putOffset + " put, still after " + sink.getFlushTimeoutMs()
            + " ms (setFlushTimeout); the checkpoint cannot complete without them");
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    flushTask();
  }

  /** At a checkpoint barrier: everything written so far is flushed before the checkpoint can complete. */
  @Override
  public List<ConnectSinkState> snapshotState(long checkpointId) throws IOException {
    try {
      flushTask();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(describe + ": interrupted while flushing for checkpoint " + checkpointId, e);
    }
    List<ConnectSinkState> states = new ArrayList<>(1 + carried.size());
    states.add(new ConnectSinkState(subtask, nextOffset));
    carried.forEach((p, o) -> states.add(new ConnectSinkState(p, o)));
    return states;
  }

  private void checkConnector() throws IOException {
    Exception e = connectorError;
    if (e != null) {
      throw new IOException("Kafka Connect sink connector " + connector + " raised an error: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (task != null) {
      SinkTask t = task;
      task = null;
      if (opened) {
        try {
          t.close(List.of(partition));
        } catch (RuntimeException e) {
          LOG.warn("{} failed to close its partition {}: {}", describe, partition, e.toString());
        }
      }
      if (taskStarted) {
        try {
          t.stop();
        } catch (RuntimeException e) {
          LOG.warn("{} failed to stop: {}", describe, e.toString());
        }
      }
    }
    if (runningConnector != null) {
      stopQuietly(runningConnector);
      runningConnector = null;
    }
    if (taskMetrics != null) {
      taskMetrics.close();
    }
    if (connectorMetrics != null) {
      connectorMetrics.close();
    }
  }

  private final class ConnectorContext implements SinkConnectorContext {
    private final ConnectPluginMetrics metrics;

    ConnectorContext(ConnectPluginMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void requestTaskReconfiguration() {
      LOG.warn("Kafka Connect sink connector {} asks for new task configs; Sluice fixes a connector's tasks when"
          + " the job starts, so the request is ignored (restart the job to take new configs)", connector);
    }

    @Override
    public void raiseError(Exception e) {
      LOG.error("Kafka Connect sink connector {} raised an error; the job fails at the next record or checkpoint",
          connector, e);
      connectorError = e;
    }

    @Override
    public PluginMetrics pluginMetrics() {
      return metrics;
    }
  }

  private final class TaskContext implements SinkTaskContext {
    private final Map<String, String> config;

    TaskContext(Map<String, String> config) {
      this.config = config;
    }

    @Override
    public Map<String, String> configs() {
      return config;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
      LOG.warn("{} asks to rewind to offsets {}; Sluice does not rewind its input on a task's request (it replays"
          + " from checkpoints), so the request is ignored", describe, offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
      offset(Map.of(tp, offset));
    }

    @Override
    public void timeout(long timeoutMs) {
      retryBackoffMs = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
      return Set.of(partition);
    }

    @Override
    public void pause(TopicPartition... partitions) {
      LOG.warn("{} asks to pause {}; Sluice does not pause its input on a task's request, so the request is"
          + " ignored (the task keeps receiving records)", describe, List.of(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
      LOG.debug("{} asks to resume {}; its input was never paused", describe, List.of(partitions));
    }

    @Override
    public void requestCommit() {
      LOG.debug("{} asks for a commit; Sluice flushes and commits at checkpoints", describe);
    }

    @Override
    public PluginMetrics pluginMetrics() {
      if (taskMetrics == null) {
        taskMetrics = new ConnectPluginMetrics(connector, String.valueOf(subtask));
      }
      return taskMetrics;
    }
  }
}
