package dev.sluice.connector.kafka.connect;

import dev.sluice.api.connector.source.Boundedness;
import dev.sluice.api.connector.source.InputStatus;
import dev.sluice.api.connector.source.ReaderOutput;
import dev.sluice.api.connector.source.SourceOutput;
import dev.sluice.api.connector.source.SourceReader;
import dev.sluice.api.connector.source.SourceReaderContext;
import dev.sluice.runtime.metrics.OperatorMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the source tasks of one subtask's splits, each on a thread of its own that polls the task
 * and puts what it returns into a bounded queue; the subtask thread converts and emits the records
 * and keeps each split's latest source offsets. See the package documentation.
 */
final class ConnectSourceReader<T> implements SourceReader<T, ConnectTaskSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectSourceReader.class);
  /** Polls a task may be ahead of its subtask. */
  static final int QUEUE_POLLS = 16;
  static final int RECORDS_PER_POLL = 64;
  /** The output a reader without tasks uses, so that {@code withIdleness} can mark it idle. */
  static final String NO_TASKS = "__sluice-no-connect-tasks";
  private static final Object END = new Object();

  private final ConnectSource<T> source;
  private final SourceReaderContext context;
  private final ConnectRecordConverter<T> converter;
  private final String connector;
  private final long maxRecords;
  private final OperatorMetrics.Counter skipped;
  private final Map<String, TaskState> active = new LinkedHashMap<>();
  private final List<TaskState> activeList = new ArrayList<>();
  /** Tasks whose split ended; stopped when the reader closes, after their last commits. */
  private final List<TaskState> ended = new ArrayList<>();
  /** Acknowledgements per checkpoint, waiting for it to complete. */
  private final TreeMap<Long, List<Ack>> pendingAcks = new TreeMap<>();
  private ExecutorService committer;
  private boolean noMoreSplits;
  private boolean noTasksOutput;

  ConnectSourceReader(ConnectSource<T> source, SourceReaderContext context) {
    this.source = source;
    this.context = context;
    this.converter = source.getRecordConverter();
    this.connector = source.getConnectorClass().getName();
    this.maxRecords = source.getMaxRecordsPerTask();
    this.skipped = context.metrics().counter("numRecordsSkipped");
  }

  /** The records of one task that a completed checkpoint covers. */
  private record Ack(SourceTask task, String describe, List<SourceRecord> records) {}

  /** A failure of the task thread, delivered after the records polled before it. */
  private record Failure(String call, Throwable error) {}

  private final class TaskState {
    final ConnectTaskSplit split;
    final LinkedHashMap<Map<String, Object>, Map<String, Object>> offsets;
    final TaskRunner runner;
    long taken;
    SourceOutput<T> output;
    List<SourceRecord> current;
    int currentIndex;
    boolean tookSinceSnapshot;
    List<SourceRecord> unacked = new ArrayList<>();

    TaskState(ConnectTaskSplit split, TaskRunner runner) {
      this.split = split;
      this.offsets = new LinkedHashMap<>(split.offsets());
      this.taken = split.recordsTaken();
      this.runner = runner;
    }

    String describe() {
      return "Kafka Connect source connector " + connector + ", task " + split.taskIndex() + " ("
          + split.taskClass() + ")";
    }
  }

  @Override
  public void start() {}

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (active.isEmpty() && !noMoreSplits && !noTasksOutput
        && source.getBoundedness() == Boundedness.CONTINUOUS_UNBOUNDED) {
      output.createOutputForSplit(NO_TASKS);
      noTasksOutput = true;
    }
    int emitted = 0;
    for (int i = 0; i < activeList.size() && emitted < RECORDS_PER_POLL; i++) {
      TaskState s = activeList.get(i);
      int n = drain(s, output, RECORDS_PER_POLL - emitted);
      emitted += n;
      if (activeList.size() > i && activeList.get(i) != s) {
        i--; // s ended and left the list
      }
    }
    if (emitted > 0) {
      return InputStatus.MORE_AVAILABLE;
    }
    for (TaskState s : activeList) {
      if (s.current != null || !s.runner.queue.isEmpty()) {
        return InputStatus.MORE_AVAILABLE;
      }
    }
    if (noMoreSplits && active.isEmpty()) {
      return InputStatus.END_OF_INPUT;
    }
    return InputStatus.NOTHING_AVAILABLE;
  }

  @SuppressWarnings("unchecked")
  private int drain(TaskState s, ReaderOutput<T> output, int budget) throws Exception {
    int n = 0;
    while (n < budget) {
      if (s.current == null) {
        Object item = s.runner.queue.poll();
        if (item == null) {
          return n;
        }
        if (item == END) {
          LOG.info("{} ended after {} records: its poll() returned nothing for {} ms", s.describe(), s.taken,
              source.getIdleTimeoutMs());
          end(s, output);
          return n;
        }
        if (item instanceof Failure f) {
          throw new IOException(s.describe() + " failed in " + f.call() + " after " + s.taken + " records"
              + (s.offsets.isEmpty() ? "" : " (source offsets " + s.offsets + ")") + ": " + f.error(), f.error());
        }
        s.current = (List<SourceRecord>) item;
        s.currentIndex = 0;
      }
      SourceRecord r = s.current.get(s.currentIndex++);
      if (s.currentIndex >= s.current.size()) {
        s.current = null;
      }
      if (s.output == null) {
        s.output = output.createOutputForSplit(s.split.splitId());
      }
      emit(s, r);
      n++;
      if (maxRecords > 0 && s.taken >= maxRecords) {
        LOG.info("{} ended after {} records (setMaxRecordsPerTask)", s.describe(), s.taken);
        end(s, output);
        return n;
      }
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private void emit(TaskState s, SourceRecord r) throws IOException {
    if (r == null) {
      throw new IOException(s.describe() + " returned a null record from poll() after " + s.taken + " records");
    }
    T value;
    try {
      value = converter.convert(r);
      if (value == null) {
        throw new IllegalArgumentException("the record converter returned null");
      }
    } catch (Exception e) {
      String where = "record #" + (s.taken + 1) + ", source partition " + r.sourcePartition() + ", source offset "
          + r.sourceOffset();
      if (source.getConversionErrorPolicy() == ConversionErrorPolicy.FAIL) {
        throw new IOException("Could not convert the record of " + s.describe() + " at " + where + ": " + e, e);
      }
      skipped.inc();
      LOG.warn("Skipped a record of {} that could not be converted, at {} ({} skipped so far): {}", s.describe(),
          where, skipped.getCount(), e.toString());
      value = null;
    }
    if (value != null) {
      Long timestamp = r.timestamp();
      if (timestamp != null) {
        s.output.collect(value, timestamp);
      } else {
        s.output.collect(value);
      }
    }
    if (r.sourcePartition() != null) {
      s.offsets.put((Map<String, Object>) r.sourcePartition(), (Map<String, Object>) r.sourceOffset());
    }
    s.taken++;
    s.tookSinceSnapshot = true;
    if (s.runner.retainsRecords) {
      s.unacked.add(r);
    }
  }

  private void end(TaskState s, ReaderOutput<T> output) {
    active.remove(s.split.splitId());
    activeList.remove(s);
    output.releaseOutputForSplit(s.split.splitId());
    s.current = null;
    s.runner.stopping = true;
    s.runner.queue.clear();
    ended.add(s);
  }

  @Override
  public List<ConnectTaskSplit> snapshotState(long checkpointId) {
    List<ConnectTaskSplit> result = new ArrayList<>(active.size());
    for (TaskState s : active.values()) {
      result.add(new ConnectTaskSplit(s.split.taskIndex(), s.split.taskClass(), s.split.config(), s.offsets, s.taken));
    }
    List<Ack> acks = new ArrayList<>();
    collectAcks(active.values(), acks);
    collectAcks(ended, acks);
    if (!acks.isEmpty()) {
      pendingAcks.put(checkpointId, acks);
    }
    return result;
  }

  private void collectAcks(Collection<TaskState> states, List<Ack> acks) {
    for (TaskState s : states) {
      if (s.tookSinceSnapshot) {
        acks.add(new Ack(s.runner.task, s.runner.describe, s.unacked));
        s.unacked = new ArrayList<>();
        s.tookSinceSnapshot = false;
      }
    }
  }

  /** The records the checkpoint covers are safe: acknowledge them to their tasks, off this thread. */
  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Map<Long, List<Ack>> done = pendingAcks.headMap(checkpointId, true);
    if (done.isEmpty()) {
      return;
    }
    List<Ack> acks = new ArrayList<>();
    done.values().forEach(acks::addAll);
    done.clear();
    if (committer == null) {
      committer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sluice-connect-commit-" + context.getIndexOfSubtask());
        t.setDaemon(true);
        return t;
      });
    }
    committer.execute(() -> acknowledge(acks, checkpointId));
  }

  private void acknowledge(List<Ack> acks, long checkpointId) {
    for (Ack a : acks) {
      SourceTask task = a.task();
      try {
        for (SourceRecord r : a.records()) {
          task.commitRecord(r, (RecordMetadata) null);
        }
        task.commit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable t) {
        LOG.warn("{} failed to acknowledge the records of checkpoint {} (they are safe in the checkpoint): {}",
            a.describe(), checkpointId, t.toString());
      }
    }
  }

  @Override
  public void addSplits(List<ConnectTaskSplit> splits) {
    for (ConnectTaskSplit split : splits) {
      if (maxRecords > 0 && split.recordsTaken() >= maxRecords) {
        continue; // already read to its end (the limit changed since the checkpoint)
      }
      Class<? extends SourceTask> taskClass = taskClass(split);
      SourceTask task = Connectors.instantiate(taskClass, "source task");
      String describe = "Kafka Connect source connector " + connector + ", task " + split.taskIndex() + " ("
          + split.taskClass() + ")";
      TaskRunner runner = new TaskRunner(task, split, describe);
      TaskState state = new TaskState(split, runner);
      active.put(split.splitId(), state);
      activeList.add(state);
      runner.start();
    }
  }

  private Class<? extends SourceTask> taskClass(ConnectTaskSplit split) {
    Class<?> c = Connectors.load(split.taskClass(), source.getConnectorClass());
    if (!SourceTask.class.isAssignableFrom(c)) {
      throw new IllegalStateException("Kafka Connect connector " + connector + ": task class " + c.getName()
          + " is not a SourceTask");
    }
    return c.asSubclass(SourceTask.class);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
  }

  @Override
  public void close() throws Exception {
    if (committer != null) {
      committer.shutdown(); // acknowledgements of completed checkpoints still run
      if (!committer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Kafka Connect source connector {}: acknowledging records to its tasks took over 10 s; stopping them",
            connector);
        committer.shutdownNow();
      }
    }
    List<TaskState> all = new ArrayList<>(active.values());
    all.addAll(ended);
    for (TaskState s : all) {
      s.runner.stopping = true;
      s.runner.stopTask();
    }
    for (TaskState s : all) {
      s.runner.awaitExit();
    }
    active.clear();
    activeList.clear();
    ended.clear();
  }

  static boolean overridesCommitRecord(Class<?> taskClass) {
    try {
      return taskClass.getMethod("commitRecord", SourceRecord.class, RecordMetadata.class).getDeclaringClass()
          != SourceTask.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  /** The thread that runs one task: start, then poll until stopped. */
  final class TaskRunner extends Thread implements SourceTaskContext, OffsetStorageReader {
    final SourceTask task;
    final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_POLLS);
    final boolean retainsRecords;
    final String describe;
    private final Map<String, String> config;
    private final int taskIndex;
    /** The offsets the split had when the task started; what the task's offset reader serves. */
    private final Map<Map<String, Object>, Map<String, Object>> startOffsets;
    volatile boolean stopping;
    private volatile boolean startCalled;
    private ConnectPluginMetrics metrics;

    TaskRunner(SourceTask task, ConnectTaskSplit split, String describe) {
      super("sluice-connect-" + source.getConnectorClass().getSimpleName() + "-task-" + split.taskIndex());
      setDaemon(true);
      setContextClassLoader(source.getConnectorClass().getClassLoader());
      this.task = task;
      this.describe = describe;
      this.config = split.config();
      this.taskIndex = split.taskIndex();
      this.startOffsets = split.offsets();
      this.retainsRecords = overridesCommitRecord(task.getClass());
    }

    @Override
    public void run() {
      try {
        startCalled = true;
        task.initialize(this);
        task.start(config);
      } catch (Throwable t) {
        hand(new Failure("start()", t));
        return;
      }
      long idleNanos = TimeUnit.MILLISECONDS.toNanos(source.getIdleTimeoutMs());
      long lastRecords = System.nanoTime();
      while (!stopping) {
        List<SourceRecord> records;
        try {
          records = task.poll();
        } catch (InterruptedException e) {
          if (!stopping) {
            hand(new Failure("poll()", e));
          }
          return;
        } catch (org.apache.kafka.connect.errors.RetriableException
            | org.apache.kafka.common.errors.RetriableException e) {
          LOG.warn("{}: poll() failed with a retriable error; polling again: {}", describe, e.toString());
          continue;
        } catch (Throwable t) {
          if (!stopping) {
            hand(new Failure("poll()", t));
          }
          return;
        }
        if (records != null && !records.isEmpty()) {
          hand(records);
          lastRecords = System.nanoTime();
        } else if (idleNanos > 0 && System.nanoTime() - lastRecords >= idleNanos) {
          hand(END);
          return;
        }
      }
    }

    /** Puts an item into the queue, waiting for room while the task is not stopping. */
    private void hand(Object item) {
      try {
        while (!stopping) {
          if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      } catch (InterruptedException e) {
        // stopping
      }
    }

    /** Called by the subtask thread when the reader closes; {@code stop} unblocks a waiting poll. */
    void stopTask() {
      if (startCalled) {
        try {
          task.stop();
        } catch (Throwable t) {
          LOG.warn("{} failed to stop: {}", describe, t.toString());
        }
      }
      queue.clear();
    }

    void awaitExit() throws InterruptedException {
      join(2_000);
      if (isAlive()) {
        interrupt();
        join(2_000);
      }
      if (isAlive()) {
        LOG.warn("{}: its poll() did not return within 4 s of stop(); leaving its thread {}", describe, getName());
      }
      synchronized (this) {
        if (metrics != null) {
          metrics.close();
        }
      }
    }

    // SourceTaskContext

    @Override
    public Map<String, String> configs() {
      return config;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
      return this;
    }

    @Override
    public synchronized PluginMetrics pluginMetrics() {
      if (metrics == null) {
        metrics = new ConnectPluginMetrics(connector, String.valueOf(taskIndex));
      }
      return metrics;
    }

    // OffsetStorageReader

    @Override
    public <V> Map<String, Object> offset(Map<String, V> partition) {
      Map<String, Object> offset = startOffsets.get(partition);
      return offset == null ? null : new LinkedHashMap<>(offset);
    }

    @Override
    public <V> Map<Map<String, V>, Map<String, Object>> offsets(Collection<Map<String, V>> partitions) {
      Map<Map<String, V>, Map<String, Object>> result = new LinkedHashMap<>();
      for (Map<String, V> p : partitions) {
        if (startOffsets.containsKey(p)) {
          result.put(p, offset(p));
        }
      }
      return result;
    }
  }
}
