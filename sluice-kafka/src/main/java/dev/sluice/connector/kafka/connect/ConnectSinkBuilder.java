package dev.sluice.connector.kafka.connect;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.sink.SinkConnector;

/** Builds a {@link ConnectSink}. */
public final class ConnectSinkBuilder<T> {
  static final String DEFAULT_TOPIC = "sluice";

  Class<? extends SinkConnector> connectorClass;
  final LinkedHashMap<String, String> properties = new LinkedHashMap<>();
  String topic;
  SinkValueConverter<T> keyConverter;
  SinkValueConverter<T> valueConverter;
  ConversionErrorPolicy errorPolicy = ConversionErrorPolicy.FAIL;
  int batchSize = 500;
  int maxRetries = 10;
  long flushTimeoutMs = 60_000;

  ConnectSinkBuilder() {}

  /** The connector; optional when the properties name it in {@code connector.class}. */
  public ConnectSinkBuilder<T> setConnector(Class<? extends SinkConnector> connectorClass) {
    this.connectorClass = connectorClass;
    return this;
  }

  /** The connector's properties, as it documents them (added to those set before). */
  public ConnectSinkBuilder<T> setProperties(Map<String, String> properties) {
    properties.forEach(this::setProperty);
    return this;
  }

  /** The connector's properties, as it documents them (added to those set before). */
  public ConnectSinkBuilder<T> setProperties(Properties properties) {
    for (String k : properties.stringPropertyNames()) {
      setProperty(k, properties.getProperty(k));
    }
    return this;
  }

  public ConnectSinkBuilder<T> setProperty(String key, String value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("a Connect property needs a key and a value: " + key + "=" + value);
    }
    properties.put(key, value);
    return this;
  }

  /**
   * The topic name the records carry (sink tasks may use it, e.g. to name files or tables); by
   * default the first of the {@code topics} property, else {@code sluice}. The {@code topics}
   * property is set to it when absent, as Connect always passes it.
   */
  public ConnectSinkBuilder<T> setTopic(String topic) {
    this.topic = topic;
    return this;
  }

  /** The records' keys; without one, records have a null key and no key schema. */
  public ConnectSinkBuilder<T> setKeyConverter(SinkValueConverter<T> keyConverter) {
    this.keyConverter = keyConverter;
    return this;
  }

  /** The records' values; {@link SinkValueConverter#string()} by default. */
  public ConnectSinkBuilder<T> setValueConverter(SinkValueConverter<T> valueConverter) {
    this.valueConverter = valueConverter;
    return this;
  }

  /** What to do with an element a converter rejects: {@code FAIL} (default) or {@code SKIP}. */
  public ConnectSinkBuilder<T> setConversionErrorPolicy(ConversionErrorPolicy policy) {
    this.errorPolicy = policy;
    return this;
  }

  /** Records per {@code put} call, at most (500 by default); a checkpoint puts what is there. */
  public ConnectSinkBuilder<T> setBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be positive: " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** How often a {@code put} that throws a {@code RetriableException} is tried again (10 by default). */
  public ConnectSinkBuilder<T> setMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("the number of retries must not be negative: " + maxRetries);
    }
    this.maxRetries = maxRetries;
    return this;
  }

  /**
   * How long a checkpoint waits for a task whose {@code preCommit} reports that not all records
   * put are flushed yet (60 s by default); then the checkpoint fails.
   */
  public ConnectSinkBuilder<T> setFlushTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("the flush timeout must not be negative: " + timeout);
    }
    this.flushTimeoutMs = timeout.toMillis();
    return this;
  }

  @SuppressWarnings("unchecked")
  public ConnectSink<T> build() {
    if (connectorClass == null) {
      String name = properties.get("connector.class");
      if (name == null) {
        throw new IllegalArgumentException("A ConnectSink needs a connector: setConnector(..) or the property connector.class");
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : ConnectSink.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("connector.class " + name + " is not on the class path", e);
      }
      if (!SinkConnector.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException("connector.class " + name + " is not a SinkConnector");
      }
      connectorClass = (Class<? extends SinkConnector>) c;
    }
    if (!SinkConnector.class.isAssignableFrom(connectorClass)) {
      throw new IllegalArgumentException(connectorClass.getName() + " is not a SinkConnector");
    }
    if (topic == null) {
      String topics = properties.get("topics");
      topic = topics == null || topics.isBlank() ? DEFAULT_TOPIC : topics.split(",")[0].trim();
    }
    properties.putIfAbsent("topics", topic);
    properties.putIfAbsent("connector.class", connectorClass.getName());
    properties.putIfAbsent("name", connectorClass.getSimpleName());
    if (valueConverter == null) {
      valueConverter = SinkValueConverter.string();
    }
    if (errorPolicy == null) {
      throw new IllegalArgumentException("the conversion error policy must not be null");
    }
    return new ConnectSink<>(this);
  }
}
