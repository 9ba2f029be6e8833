package dev.sluice.streams.internals;

import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.streams.StreamsConfig;
import dev.sluice.streams.errors.TopologyException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

/**
 * One translation of a DSL topology into the transformations of a Sluice job: the environment,
 * the configuration, where topics live, and the stream each node has already been built into.
 */
public final class Compilation {
  private final StreamExecutionEnvironment env;
  private final StreamsConfig config;
  private final TopicIO io;
  private final Map<Node<?>, DataStream<?>> built = new IdentityHashMap<>();

  public Compilation(StreamExecutionEnvironment env, StreamsConfig config, TopicIO io) {
    this.env = env;
    this.config = config;
    this.io = io;
  }

  /** Builds every sink of the topology into the environment. */
  public static void compile(InternalBuilder builder, Compilation c) {
    if (builder.terminals().isEmpty()) {
      throw new TopologyException("it has no sink: end it with to(..) or foreach(..)");
    }
    for (Node<?> terminal : builder.terminals()) {
      c.get(terminal);
    }
  }

  public StreamExecutionEnvironment env() {
    return env;
  }

  public StreamsConfig config() {
    return config;
  }

  public TopicIO io() {
    return io;
  }

  /** The stream of {@code node}, built on first use. */
  @SuppressWarnings("unchecked")
  public <T> DataStream<T> get(Node<T> node) {
    DataStream<?> stream = built.get(node);
    if (stream == null && !built.containsKey(node)) {
      stream = node.build(this);
      built.put(node, stream);
    }
    return (DataStream<T>) stream;
  }

  /** Elements of DSL streams are typed by the DSL, not by the engine. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> TypeInformation<T> anyType() {
    return (TypeInformation) TypeInformation.of(Object.class);
  }

  @SuppressWarnings("unchecked")
  public Serde<Object> keySerde(Serde<?> given, String topic) {
    Serde<?> serde = given != null ? given : config.defaultKeySerde();
    if (serde == null) {
      throw new ConfigException("No key serde for topic [" + topic + "]: pass one (Consumed.with / Produced.with) or set "
          + StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG);
    }
    return (Serde<Object>) serde;
  }

  @SuppressWarnings("unchecked")
  public Serde<Object> valueSerde(Serde<?> given, String topic) {
    Serde<?> serde = given != null ? given : config.defaultValueSerde();
    if (serde == null) {
      throw new ConfigException("No value serde for topic [" + topic + "]: pass one (Consumed.with / Produced.with) or set "
          + StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG);
    }
    return (Serde<Object>) serde;
  }

  /** How a table operator emits: caching as {@code Materialized} says, else as {@code statestore.cache.max.bytes} says. */
  public TableSettings tableSettings(Boolean caching) {
    long maxBytes = config.cacheMaxBytes();
    boolean on = caching != null ? caching && maxBytes > 0 : maxBytes > 0;
    int entries = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes / TableSettings.ENTRY_BYTES_ESTIMATE));
    return new TableSettings(on, config.commitIntervalMs(), entries);
  }
}
