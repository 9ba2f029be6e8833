package dev.sluice.streams;

import dev.sluice.api.common.JobStatus;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.core.execution.CheckpointingMode;
import dev.sluice.core.execution.JobClient;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streams.errors.StreamsException;
import dev.sluice.streams.internals.Compilation;
import dev.sluice.streams.internals.TopicIO;
import dev.sluice.test.ManualClock;
import dev.sluice.test.SluiceTestKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Runs a DSL topology on the real Sluice engine with in-memory topics (no broker), for tests — as
 * Kafka Streams' {@code TopologyTestDriver}, and unlike it with several partitions per topic and
 * several parallel tasks.
 *
 * <p>Input topics have 1 partition unless {@link #createInputTopic(String, Serializer,
 * Serializer, int)} says otherwise (before the first record is piped); a keyed record goes to
 * partition {@code murmur2(key bytes) % partitions} as with Kafka's default partitioner, a record
 * without a key round robin. The job's parallelism is {@code num.stream.threads} (default 1).
 * After each pipe the driver waits until the job is quiescent: every piped record was read, and a
 * savepoint — whose barrier follows those records through every operator — completed, so every
 * result they cause is in the output topics. Table caches are flushed at that point, as Kafka
 * Streams flushes them at a commit. Wall-clock time is a {@link ManualClock} moved by {@link
 * #advanceWallClockTime(Duration)}.
 */
public class TopologyTestDriver implements AutoCloseable {
  /** Property: the number of partitions of topics not created with an explicit number (default 1). */
  public static final String PARTITIONS_CONFIG = "sluice.test.partitions";
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

  private final Topology topology;
  private final StreamsConfig config;
  private final InMemoryTopics topics;
  private final ManualClock clock;
  private final Path workDir;
  private final Instant initialTime;
  private JobClient job;
  private boolean dirty;
  private boolean closed;

  public TopologyTestDriver(Topology topology) {
    this(topology, new Properties());
  }

  public TopologyTestDriver(Topology topology, Instant initialWallClockTime) {
    this(topology, new Properties(), initialWallClockTime);
  }

  public TopologyTestDriver(Topology topology, Properties config) {
    this(topology, config, null);
  }

  public TopologyTestDriver(Topology topology, Properties config, Instant initialWallClockTime) {
    this.topology = topology;
    Map<Object, Object> props = new HashMap<>(config);
    props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-driver");
    props.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
    this.config = new StreamsConfig(props);
    Object parts = props.get(PARTITIONS_CONFIG);
    this.topics = new InMemoryTopics(parts == null ? 1 : Integer.parseInt(String.valueOf(parts)));
    this.initialTime = initialWallClockTime == null ? Instant.now() : initialWallClockTime;
    this.clock = new ManualClock(initialTime.toEpochMilli());
    try {
      this.workDir = Files.createTempDirectory("sluice-topology-test-driver");
    } catch (IOException e) {
      throw new StreamsException("Cannot create a working directory for the test driver", e);
    }
    // compile once now, so that a topology that cannot run fails in the constructor
    Compilation.compile(topology.internalBuilder(),
        new Compilation(StreamExecutionEnvironment.getExecutionEnvironment(), this.config, new DriverIO()));
  }

  // ------------------------------------------------------------------ topics

  public final <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
      Serializer<V> valueSerializer) {
    return createInputTopic(topicName, keySerializer, valueSerializer, 0);
  }

  /** An input topic with {@code partitions} partitions (0: the default); must come before the first pipe. */
  public final <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, int partitions) {
    return createInputTopic(topicName, keySerializer, valueSerializer, partitions, initialTime, Duration.ZERO);
  }

  public final <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, Instant startTimestamp, Duration autoAdvance) {
    return createInputTopic(topicName, keySerializer, valueSerializer, 0, startTimestamp, autoAdvance);
  }

  private <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, int partitions, Instant start, Duration autoAdvance) {
    requireOpen();
    if (!topology.sourceTopics().contains(topicName)) {
      throw new IllegalArgumentException("Unknown topic: " + topicName + "; the topology reads " + topology.sourceTopics());
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must not be negative: " + partitions);
    }
    if (partitions > 0) {
      InMemoryTopics.Topic existing = topics.existing(topicName);
      if (existing != null && existing.partitions != partitions) {
        throw new IllegalStateException("Topic " + topicName + " already has " + existing.partitions
            + " partitions; create input topics with their partitions before piping anything");
      }
      if (existing == null) {
        if (job != null) {
          throw new IllegalStateException("Create input topic " + topicName + " with its partitions before piping anything");
        }
        topics.create(topicName, partitions);
      }
    }
    topics.topic(topicName);
    return new TestInputTopic<>(this, topicName, keySerializer, valueSerializer, start, autoAdvance);
  }

  public final <K, V> TestOutputTopic<K, V> createOutputTopic(String topicName, Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer) {
    requireOpen();
    if (!topology.sinkTopics().contains(topicName)) {
      throw new IllegalArgumentException("Unknown topic: " + topicName + "; the topology writes " + topology.sinkTopics());
    }
    return new TestOutputTopic<>(this, topicName, keyDeserializer, valueDeserializer);
  }

  // ------------------------------------------------------------------ driving

  void append(String topic, byte[] key, byte[] value, long timestamp) {
    requireOpen();
    startIfNeeded();
    topics.topic(topic).append(key, value, timestamp);
    dirty = true;
  }

  InMemoryTopics.Topic outputTopic(String topic) {
    settle();
    return topics.topic(topic);
  }

  /** Moves wall-clock time; processing-time work that falls due runs before this returns. */
  public void advanceWallClockTime(Duration advance) {
    requireOpen();
    clock.advance(advance);
    startIfNeeded();
    dirty = true;
    settle();
    dirty = true;     // a callback that ran during the first savepoint emitted after its barrier
    settle();
  }

  /** The operator metrics of the job, keyed {@code "<operator>[<subtask>].<metric>"}. */
  public Map<String, Long> metrics() {
    settle();
    return job == null ? Map.of() : job.metrics();
  }

  private void startIfNeeded() {
    if (job != null) {
      return;
    }
    StreamExecutionEnvironment env = SluiceTestKit.environment(config.numStreamThreads(), clock);
    env.enableCheckpointing(Duration.ofDays(1).toMillis(), CheckpointingMode.EXACTLY_ONCE);
    env.getCheckpointConfig().setCheckpointStorage(workDir.resolve("checkpoints").toString());
    env.setRestartStrategy(RestartStrategies.noRestart());
    Compilation.compile(topology.internalBuilder(), new Compilation(env, config, new DriverIO()));
    job = env.executeAsync("topology-test-driver");
  }

  /** Waits until every piped record was read and a savepoint's barrier went through the whole job. */
  void settle() {
    requireOpen();
    if (job == null || !dirty) {
      return;
    }
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    for (String name : topology.sourceTopics()) {
      InMemoryTopics.Topic t = topics.topic(name);
      while (!t.fullyConsumed()) {
        checkJob();
        if (System.nanoTime() > deadline) {
          throw new StreamsException("The job did not read topic " + t.name + " within " + SETTLE_TIMEOUT);
        }
        sleep();
      }
    }
    try {
      String savepoint = job.triggerSavepoint(workDir.resolve("savepoints").toString())
          .get(SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      CheckpointStorage.deleteRecursively(Path.of(savepoint));
    } catch (ExecutionException e) {
      awaitFailure();
      checkJob();
      throw new StreamsException("The job did not become quiescent: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      checkJob();
      throw new StreamsException("The job did not become quiescent within " + SETTLE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamsException("Interrupted", e);
    } catch (IOException e) {
      throw new StreamsException("Cannot delete a savepoint: " + e, e);
    }
    checkJob();
    dirty = false;
  }

  /** After a savepoint failed because the job did: waits (bounded) until the job's failure is known. */
  private void awaitFailure() {
    try {
      job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // examined by checkJob
    }
  }

  private void checkJob() {
    JobStatus status = job.getJobStatus().getNow(JobStatus.RUNNING);
    if (status == JobStatus.FAILED || status == JobStatus.FAILING || job.getJobExecutionResult().isCompletedExceptionally()) {
      try {
        job.getJobExecutionResult().get(SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        while (cause.getCause() != null && !(cause instanceof StreamsException)
            && (cause.getClass().getSimpleName().equals("JobExecutionException")
                || cause.getClass().getSimpleName().equals("OperatorException"))) {
          cause = cause.getCause();
        }
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new StreamsException("The topology failed: " + cause, cause);
      } catch (Exception e) {
        throw new StreamsException("The topology failed: " + e, e);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamsException("Interrupted", e);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("The test driver is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (job != null) {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      // the job's own failure was reported by the call that saw it
    } finally {
      topics.close();
      try {
        CheckpointStorage.deleteRecursively(workDir);
      } catch (IOException ignored) {
        // a temporary directory
      }
    }
  }

  /** Topics of this driver, for the compiled job. */
  private final class DriverIO implements TopicIO {
    @Override
    public DataStream<KeyValue<Object, Object>> source(Compilation c, String topic, Deserializer<Object> keyDeserializer,
        Deserializer<Object> valueDeserializer, String name) {
      return c.env().fromSource(new InMemoryTopicSource(topics.id, topic, keyDeserializer, valueDeserializer),
          dev.sluice.streams.internals.PartitionTime.strategy(), name).uid(name);
    }

    @Override
    public void sink(Compilation c, DataStream<KeyValue<Object, Object>> stream, String topic,
        Serializer<Object> keySerializer, Serializer<Object> valueSerializer, String name) {
      stream.sinkTo(new InMemoryTopicSink(topics.id, topic, keySerializer, valueSerializer)).name(name).uid(name);
    }
  }
}
