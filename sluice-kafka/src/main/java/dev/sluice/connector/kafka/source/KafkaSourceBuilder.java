package dev.sluice.connector.kafka.source;

import dev.sluice.api.common.serialization.DeserializationSchema;
import dev.sluice.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.sluice.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** Builds a {@link KafkaSource}; see its documentation. */
public final class KafkaSourceBuilder<T> {
  /** Interval of partition discovery in ms; 0 or negative disables it (default 30 s). */
  public static final String PARTITION_DISCOVERY_INTERVAL_MS = "partition.discovery.interval.ms";
  /** Whether offsets are committed to Kafka when a checkpoint completes (default true with a group id). */
  public static final String COMMIT_OFFSETS_ON_CHECKPOINT = "commit.offsets.on.checkpoint";
  /** How long a metadata or offsets request may take before the job fails (default 30 s). */
  public static final String CLIENT_TIMEOUT_MS = "sluice.client.timeout.ms";

  final Properties properties = new Properties();
  List<String> topics;
  Pattern topicPattern;
  OffsetsInitializer startingOffsets = OffsetsInitializer.earliest();
  OffsetsInitializer stoppingOffsets;
  KafkaRecordDeserializationSchema<T> deserializer;
  long discoveryIntervalMs = 30_000;
  long timeoutMs = 30_000;
  BadRecordPolicy badRecordPolicy = BadRecordPolicy.FAIL;
  String deadLetterTopic;
  boolean commitOffsetsOnCheckpoint = true;
  boolean idleWhenCaughtUp;

  KafkaSourceBuilder() {}

  public KafkaSourceBuilder<T> setBootstrapServers(String servers) {
    properties.setProperty("bootstrap.servers", servers);
    return this;
  }

  public KafkaSourceBuilder<T> setTopics(String... topics) {
    return setTopics(Arrays.asList(topics));
  }

  public KafkaSourceBuilder<T> setTopics(List<String> topics) {
    this.topics = List.copyOf(topics);
    this.topicPattern = null;
    return this;
  }

  /** Every topic whose whole name matches {@code pattern}, including topics created later. */
  public KafkaSourceBuilder<T> setTopicPattern(Pattern pattern) {
    this.topicPattern = pattern;
    this.topics = null;
    return this;
  }

  public KafkaSourceBuilder<T> setGroupId(String groupId) {
    properties.setProperty("group.id", groupId);
    return this;
  }

  public KafkaSourceBuilder<T> setClientIdPrefix(String prefix) {
    properties.setProperty("client.id.prefix", prefix);
    return this;
  }

  /** Where reading starts in partitions found when the job starts (default earliest). */
  public KafkaSourceBuilder<T> setStartingOffsets(OffsetsInitializer offsets) {
    this.startingOffsets = offsets;
    return this;
  }

  /** Makes the source bounded: each partition is read up to these offsets (e.g. {@code latest()}). */
  public KafkaSourceBuilder<T> setBounded(OffsetsInitializer stoppingOffsets) {
    this.stoppingOffsets = stoppingOffsets;
    return this;
  }

  /** Unbounded (the default). Stopping offsets for an unbounded source are not supported. */
  public KafkaSourceBuilder<T> setUnbounded() {
    this.stoppingOffsets = null;
    return this;
  }

  public KafkaSourceBuilder<T> setDeserializer(KafkaRecordDeserializationSchema<T> deserializer) {
    this.deserializer = deserializer;
    return this;
  }

  public KafkaSourceBuilder<T> setValueOnlyDeserializer(DeserializationSchema<T> schema) {
    this.deserializer = KafkaRecordDeserializationSchema.valueOnly(schema);
    return this;
  }

  /** What a record that fails to deserialize does (default {@link BadRecordPolicy#FAIL}). */
  public KafkaSourceBuilder<T> setBadRecordPolicy(BadRecordPolicy policy) {
    this.badRecordPolicy = policy;
    return this;
  }

  /** Bad records go to {@code topic} ({@link BadRecordPolicy#DEAD_LETTER}). */
  public KafkaSourceBuilder<T> setDeadLetterTopic(String topic) {
    this.deadLetterTopic = topic;
    this.badRecordPolicy = BadRecordPolicy.DEAD_LETTER;
    return this;
  }

  /**
   * Whether a partition whose records have all been read (the consumer caught up with its end,
   * nothing of it left to emit) is marked idle, so that its watermark stops holding event time
   * back — without waiting for an idleness timeout — until a record arrives on it again (default
   * false). While a partition still has records to read it holds event time back as usual: a
   * partition that is read faster than another does not move event time past the other's records.
   */
  public KafkaSourceBuilder<T> setIdleWhenCaughtUp(boolean idleWhenCaughtUp) {
    this.idleWhenCaughtUp = idleWhenCaughtUp;
    return this;
  }

  public KafkaSourceBuilder<T> setPartitionDiscoveryInterval(Duration interval) {
    this.discoveryIntervalMs = interval.toMillis();
    return this;
  }

  /** How long a call to Kafka may take before the job fails with a clear error (default 30 s). */
  public KafkaSourceBuilder<T> setClientTimeout(Duration timeout) {
    this.timeoutMs = timeout.toMillis();
    return this;
  }

  /**
   * A Kafka consumer property (SSL, SASL, {@code isolation.level}, ...) or one of this builder's
   * own keys ({@value #PARTITION_DISCOVERY_INTERVAL_MS}, {@value #COMMIT_OFFSETS_ON_CHECKPOINT},
   * {@value #CLIENT_TIMEOUT_MS}).
   */
  public KafkaSourceBuilder<T> setProperty(String key, String value) {
    switch (key) {
      case PARTITION_DISCOVERY_INTERVAL_MS -> discoveryIntervalMs = Long.parseLong(value);
      case COMMIT_OFFSETS_ON_CHECKPOINT -> commitOffsetsOnCheckpoint = Boolean.parseBoolean(value);
      case CLIENT_TIMEOUT_MS -> timeoutMs = Long.parseLong(value);
      default -> properties.setProperty(key, value);
    }
    return this;
  }

  public KafkaSourceBuilder<T> setProperties(Properties props) {
    for (String key : props.stringPropertyNames()) {
      setProperty(key, props.getProperty(key));
    }
    return this;
  }

  public KafkaSource<T> build() {
    if (properties.getProperty("bootstrap.servers") == null) {
      throw new IllegalStateException("KafkaSource needs bootstrap servers (setBootstrapServers)");
    }
    if ((topics == null || topics.isEmpty()) && topicPattern == null) {
      throw new IllegalStateException("KafkaSource needs topics (setTopics) or a topic pattern (setTopicPattern)");
    }
    if (deserializer == null) {
      throw new IllegalStateException(
          "KafkaSource needs a deserializer (setValueOnlyDeserializer or setDeserializer)");
    }
    if (startingOffsets == null) {
      throw new IllegalStateException("starting offsets must not be null");
    }
    if (badRecordPolicy == BadRecordPolicy.DEAD_LETTER && (deadLetterTopic == null || deadLetterTopic.isBlank())) {
      throw new IllegalStateException("BadRecordPolicy.DEAD_LETTER needs a dead-letter topic (setDeadLetterTopic)");
    }
    if (timeoutMs <= 0) {
      throw new IllegalStateException("the client timeout must be positive, got " + timeoutMs + " ms");
    }
    for (String forbidden : List.of("key.deserializer", "value.deserializer", "enable.auto.commit")) {
      if (properties.containsKey(forbidden)) {
        throw new IllegalStateException("KafkaSource sets '" + forbidden + "' itself; use setDeserializer for formats");
      }
    }
    return new KafkaSource<>(this);
  }
}
