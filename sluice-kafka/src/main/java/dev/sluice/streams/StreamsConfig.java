package dev.sluice.streams;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

/**
 * The configuration of a Streams DSL application, with Kafka Streams' key names. Keys Sluice
 * honors: {@code application.id} (the consumer group, the transactional id prefix and the state
 * directory), {@code bootstrap.servers}, {@code default.key.serde}/{@code default.value.serde},
 * {@code processing.guarantee} ({@code at_least_once} or {@code exactly_once_v2}), {@code
 * commit.interval.ms} (the checkpoint interval and cache flush period), {@code
 * statestore.cache.max.bytes}, {@code state.dir}, {@code num.stream.threads} (the job's
 * parallelism) and {@code auto.offset.reset}; {@code consumer.}/{@code producer.} prefixed keys go
 * to the clients. Other keys are accepted and ignored.
 */
public class StreamsConfig {
  public static final String APPLICATION_ID_CONFIG = "application.id";
  public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
  public static final String CLIENT_ID_CONFIG = "client.id";
  public static final String DEFAULT_KEY_SERDE_CLASS_CONFIG = "default.key.serde";
  public static final String DEFAULT_VALUE_SERDE_CLASS_CONFIG = "default.value.serde";
  public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
  public static final String AT_LEAST_ONCE = "at_least_once";
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
  public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
  public static final String STATESTORE_CACHE_MAX_BYTES_CONFIG = "statestore.cache.max.bytes";
  /** The older name of {@link #STATESTORE_CACHE_MAX_BYTES_CONFIG}, still read. */
  @Deprecated
  public static final String CACHE_MAX_BYTES_BUFFERING_CONFIG = "cache.max.bytes.buffering";
  public static final String STATE_DIR_CONFIG = "state.dir";
  public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
  public static final String CONSUMER_PREFIX = "consumer.";
  public static final String PRODUCER_PREFIX = "producer.";
  public static final String AUTO_OFFSET_RESET = "auto.offset.reset";

  public static final long DEFAULT_COMMIT_INTERVAL_MS = 30_000;
  public static final long EOS_DEFAULT_COMMIT_INTERVAL_MS = 100;
  public static final long DEFAULT_CACHE_MAX_BYTES = 10 * 1024 * 1024L;

  private final Map<String, Object> originals;

  public StreamsConfig(Map<?, ?> props) {
    this.originals = new HashMap<>();
    props.forEach((k, v) -> originals.put(String.valueOf(k), v));
    require(APPLICATION_ID_CONFIG);
    require(BOOTSTRAP_SERVERS_CONFIG);
    String guarantee = processingGuarantee();
    if (!guarantee.equals(AT_LEAST_ONCE) && !guarantee.equals(EXACTLY_ONCE_V2)) {
      throw new ConfigException(PROCESSING_GUARANTEE_CONFIG, guarantee,
          "must be " + AT_LEAST_ONCE + " or " + EXACTLY_ONCE_V2);
    }
    long interval = commitIntervalMs();
    if (interval <= 0) {
      throw new ConfigException(COMMIT_INTERVAL_MS_CONFIG, interval, "must be positive");
    }
    if (cacheMaxBytes() < 0) {
      throw new ConfigException(STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheMaxBytes(), "must not be negative");
    }
    if (numStreamThreads() < 1) {
      throw new ConfigException(NUM_STREAM_THREADS_CONFIG, numStreamThreads(), "must be at least 1");
    }
  }

  private void require(String key) {
    Object v = originals.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new ConfigException("Missing required configuration \"" + key + "\" which has no default value.");
    }
  }

  public static String consumerPrefix(String key) {
    return CONSUMER_PREFIX + key;
  }

  public static String producerPrefix(String key) {
    return PRODUCER_PREFIX + key;
  }

  /** The properties as given. */
  public Map<String, Object> originals() {
    return Map.copyOf(originals);
  }

  /** A property as a string, or null. */
  public String getString(String key) {
    Object v = originals.get(key);
    return v == null ? null : v instanceof Class<?> c ? c.getName() : String.valueOf(v);
  }

  private long getLong(String key, long defaultValue) {
    String v = getString(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, v, "must be a number");
    }
  }

  public String applicationId() {
    return getString(APPLICATION_ID_CONFIG);
  }

  public String bootstrapServers() {
    return getString(BOOTSTRAP_SERVERS_CONFIG);
  }

  public String processingGuarantee() {
    String v = getString(PROCESSING_GUARANTEE_CONFIG);
    return v == null ? AT_LEAST_ONCE : v.trim();
  }

  public boolean exactlyOnce() {
    return EXACTLY_ONCE_V2.equals(processingGuarantee());
  }

  /** {@code commit.interval.ms}: 30 000 by default, 100 with {@code exactly_once_v2}. */
  public long commitIntervalMs() {
    return getLong(COMMIT_INTERVAL_MS_CONFIG, exactlyOnce() ? EOS_DEFAULT_COMMIT_INTERVAL_MS : DEFAULT_COMMIT_INTERVAL_MS);
  }

  /** {@code statestore.cache.max.bytes} (or the older {@code cache.max.bytes.buffering}); 10 MiB by default. */
  @SuppressWarnings("deprecation")
  public long cacheMaxBytes() {
    if (originals.containsKey(STATESTORE_CACHE_MAX_BYTES_CONFIG)) {
      return getLong(STATESTORE_CACHE_MAX_BYTES_CONFIG, DEFAULT_CACHE_MAX_BYTES);
    }
    return getLong(CACHE_MAX_BYTES_BUFFERING_CONFIG, DEFAULT_CACHE_MAX_BYTES);
  }

  /** {@code state.dir}: {@code <java.io.tmpdir>/kafka-streams} by default. */
  public Path stateDir() {
    String v = getString(STATE_DIR_CONFIG);
    return v == null ? Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams") : Path.of(v);
  }

  /** Where this application keeps its checkpoints: {@code <state.dir>/<application.id>}. */
  public Path applicationDir() {
    return stateDir().resolve(applicationId());
  }

  public int numStreamThreads() {
    return (int) getLong(NUM_STREAM_THREADS_CONFIG, 1);
  }

  /** The default key serde, or null when none is configured. */
  public Serde<?> defaultKeySerde() {
    return serde(DEFAULT_KEY_SERDE_CLASS_CONFIG, true);
  }

  /** The default value serde, or null when none is configured. */
  public Serde<?> defaultValueSerde() {
    return serde(DEFAULT_VALUE_SERDE_CLASS_CONFIG, false);
  }

  private Serde<?> serde(String key, boolean isKey) {
    Object v = originals.get(key);
    if (v == null) {
      return null;
    }
    try {
      Class<?> c = v instanceof Class<?> cls ? cls
          : Class.forName(String.valueOf(v).trim(), true, Thread.currentThread().getContextClassLoader());
      Serde<?> serde = (Serde<?>) c.getDeclaredConstructor().newInstance();
      serde.configure(originals, isKey);
      return serde;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new ConfigException(key, v, "not a Serde class with a public no-argument constructor (" + e + ")");
    }
  }

  /** Properties for the clients: the {@code consumer.} or {@code producer.} prefixed keys, without the prefix. */
  public Properties clientProperties(String prefix) {
    Properties p = new Properties();
    originals.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        p.put(k.substring(prefix.length()), String.valueOf(v));
      }
    });
    return p;
  }

  /** The configuration as {@code Properties}. */
  public static StreamsConfig of(Properties props) {
    return new StreamsConfig(props);
  }
}
