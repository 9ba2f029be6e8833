package dev.sluice.connector.kafka.connect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Small real connectors for what connect-file cannot show: a counting source whose tasks record the
 * acknowledgements they get and can be told to fail in poll(), and a sink that records what it is
 * given.
 */
final class TestConnectors {
  private TestConnectors() {}

  /**
   * Each task emits "t&lt;task&gt;-&lt;n&gt;" for n from its offset up to {@code count}, {@code
   * batch} per poll, with the source partition {task=i} and offset {n=next}; with {@code
   * fail.at} it throws from poll() once it reached that n.
   */
  public static final class CountingSourceConnector extends SourceConnector {
    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
      this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
      return CountingTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
      int tasks = Integer.parseInt(props.getOrDefault("tasks", "1"));
      List<Map<String, String>> configs = new ArrayList<>();
      for (int i = 0; i < Math.min(tasks, maxTasks); i++) {
        Map<String, String> c = new java.util.HashMap<>(props);
        c.put("task", String.valueOf(i));
        configs.add(c);
      }
      return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
      return new ConfigDef()
          .define("count", ConfigDef.Type.LONG, ConfigDef.Importance.HIGH, "records per task");
    }

    @Override
    public String version() {
      return "1";
    }
  }

  /** Records acknowledged with commitRecord, and commit() calls, per task. */
  static final Map<String, List<String>> COMMITTED = new ConcurrentHashMap<>();
  static final AtomicInteger COMMITS = new AtomicInteger();
  /** Where each task started, from its offset reader. */
  static final Map<String, Long> STARTED_AT = new ConcurrentHashMap<>();

  public static final class CountingTask extends SourceTask {
    private String task;
    private long next;
    private long count;
    private long failAt = -1;
    private int batch;

    @Override
    public String version() {
      return "1";
    }

    @Override
    public void start(Map<String, String> props) {
      task = props.get("task");
      count = Long.parseLong(props.get("count"));
      batch = Integer.parseInt(props.getOrDefault("batch", "10"));
      if (props.containsKey("fail.at")) {
        failAt = Long.parseLong(props.get("fail.at"));
      }
      Map<String, Object> offset = context.offsetStorageReader().offset(Map.of("task", task));
      next = offset == null ? 0 : (Long) offset.get("n");
      STARTED_AT.put(task, next);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
      if (failAt >= 0 && next >= failAt) {
        throw new ConnectException("the device of task " + task + " is on fire");
      }
      if (next >= count) {
        Thread.sleep(5);
        return null;
      }
      List<SourceRecord> records = new ArrayList<>();
      while (records.size() < batch && next < count && (failAt < 0 || next < failAt)) {
        String value = "t" + task + "-" + next;
        next++;
        records.add(new SourceRecord(Map.of("task", task), Map.of("n", next), "counting", null, null, null,
            Schema.STRING_SCHEMA, value, 1_000L + next));
      }
      return records;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
      COMMITTED.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).add((String) record.value());
    }

    @Override
    public void commit() {
      COMMITS.incrementAndGet();
    }

    @Override
    public void stop() {}
  }

  /** Every record put, in order, and the offsets preCommit was asked for, per task. */
  static final Map<Integer, List<SinkRecord>> PUT = new ConcurrentHashMap<>();
  static final Map<Integer, List<Long>> PRE_COMMITS = new ConcurrentHashMap<>();
  static final AtomicInteger STOPPED = new AtomicInteger();

  public static final class RecordingSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
      this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
      return RecordingSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
      int tasks = Math.min(maxTasks, Integer.parseInt(props.getOrDefault("tasks.made", String.valueOf(maxTasks))));
      List<Map<String, String>> configs = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        Map<String, String> c = new java.util.HashMap<>(props);
        c.put("task", String.valueOf(i));
        configs.add(c);
      }
      return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
      return new ConfigDef();
    }

    @Override
    public String version() {
      return "1";
    }
  }

  public static final class RecordingSinkTask extends SinkTask {
    private int task;

    @Override
    public String version() {
      return "1";
    }

    @Override
    public void start(Map<String, String> props) {
      task = Integer.parseInt(props.get("task"));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
      PUT.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).addAll(records);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
      for (OffsetAndMetadata o : currentOffsets.values()) {
        PRE_COMMITS.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).add(o.offset());
      }
      return currentOffsets;
    }

    @Override
    public void stop() {
      STOPPED.incrementAndGet();
    }
  }
}
