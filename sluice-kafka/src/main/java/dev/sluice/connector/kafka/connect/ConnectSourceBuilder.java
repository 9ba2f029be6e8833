package dev.sluice.connector.kafka.connect;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.source.SourceConnector;

/** Builds a {@link ConnectSource}. */
public final class ConnectSourceBuilder<T> {
  Class<? extends SourceConnector> connectorClass;
  final LinkedHashMap<String, String> properties = new LinkedHashMap<>();
  ConnectRecordConverter<T> converter;
  ConversionErrorPolicy errorPolicy = ConversionErrorPolicy.FAIL;
  long maxRecordsPerTask;
  long idleTimeoutMs;

  ConnectSourceBuilder() {}

  /** The connector; optional when the properties name it in {@code connector.class}. */
  public ConnectSourceBuilder<T> setConnector(Class<? extends SourceConnector> connectorClass) {
    this.connectorClass = connectorClass;
    return this;
  }

  /** The connector's properties, as it documents them (added to those set before). */
  public ConnectSourceBuilder<T> setProperties(Map<String, String> properties) {
    properties.forEach(this::setProperty);
    return this;
  }

  /** The connector's properties, as it documents them (added to those set before). */
  public ConnectSourceBuilder<T> setProperties(Properties properties) {
    for (String k : properties.stringPropertyNames()) {
      setProperty(k, properties.getProperty(k));
    }
    return this;
  }

  public ConnectSourceBuilder<T> setProperty(String key, String value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("a Connect property needs a key and a value: " + key + "=" + value);
    }
    properties.put(key, value);
    return this;
  }

  /**
   * How a {@code SourceRecord} becomes an element. The default, {@link
   * ConnectRecordConverter#valueAsString()}, fits a {@code ConnectSource<String>} only; set one for
   * any other element type.
   */
  public ConnectSourceBuilder<T> setRecordConverter(ConnectRecordConverter<T> converter) {
    this.converter = converter;
    return this;
  }

  /** What to do with a record the converter rejects: {@code FAIL} (default) or {@code SKIP}. */
  public ConnectSourceBuilder<T> setConversionErrorPolicy(ConversionErrorPolicy policy) {
    this.errorPolicy = policy;
    return this;
  }

  /**
   * Makes the source bounded: each task's split ends once {@code n} records were taken from its
   * task (counted across failures and restores). Records the task returned beyond {@code n} in
   * the same {@code poll} are not emitted.
   */
  public ConnectSourceBuilder<T> setMaxRecordsPerTask(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("the number of records per task must be positive: " + n);
    }
    this.maxRecordsPerTask = n;
    return this;
  }

  /**
   * Makes the source bounded: a task's split ends when its {@code poll()} has returned no records
   * for {@code timeout}. Everything polled before is emitted; whatever the external system offers
   * later is not read by this job (a restored job reads it from the checkpointed offsets).
   */
  public ConnectSourceBuilder<T> setIdleTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive: " + timeout);
    }
    this.idleTimeoutMs = timeout.toMillis();
    return this;
  }

  @SuppressWarnings("unchecked")
  public ConnectSource<T> build() {
    if (connectorClass == null) {
      String name = properties.get("connector.class");
      if (name == null) {
        throw new IllegalArgumentException("A ConnectSource needs a connector: setConnector(..) or the property connector.class");
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : ConnectSource.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("connector.class " + name + " is not on the class path", e);
      }
      if (!SourceConnector.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException("connector.class " + name + " is not a SourceConnector");
      }
      connectorClass = (Class<? extends SourceConnector>) c;
    }
    if (!SourceConnector.class.isAssignableFrom(connectorClass)) {
      throw new IllegalArgumentException(connectorClass.getName() + " is not a SourceConnector");
    }
    properties.putIfAbsent("connector.class", connectorClass.getName());
    properties.putIfAbsent("name", connectorClass.getSimpleName());
    Connectors.maxTasks(properties, 1, connectorClass.getName()); // checks tasks.max early
    if (converter == null) {
      converter = (ConnectRecordConverter<T>) ConnectRecordConverter.valueAsString();
    }
    if (errorPolicy == null) {
      throw new IllegalArgumentException("the conversion error policy must not be null");
    }
    return new ConnectSource<>(this);
  }
}
