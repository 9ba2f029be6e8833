package dev.sluice.connector.kafka.connect;

import java.util.LinkedHashMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;

/**
 * The metrics a hosted connector or task may register ({@code context.pluginMetrics()}), kept in a
 * Kafka {@link Metrics} registry of its own, closed with the connector or task. Sluice does not
 * report them elsewhere; they exist so that plugins that register metrics work unchanged.
 */
final class ConnectPluginMetrics implements PluginMetrics, AutoCloseable {
  private static final String GROUP = "sluice-connect-plugin-metrics";
  private final Metrics metrics = new Metrics();
  private final LinkedHashMap<String, String> baseTags = new LinkedHashMap<>();

  ConnectPluginMetrics(String connector, String task) {
    baseTags.put("connector", connector);
    if (task != null) {
      baseTags.put("task", task);
    }
  }

  @Override
  public MetricName metricName(String name, String description, LinkedHashMap<String, String> tags) {
    LinkedHashMap<String, String> all = new LinkedHashMap<>(baseTags);
    for (String k : tags.keySet()) {
      if (all.containsKey(k)) {
        throw new IllegalArgumentException("metric tag '" + k + "' is reserved");
      }
    }
    all.putAll(tags);
    return metrics.metricName(name, GROUP, description, all);
  }

  @Override
  public void addMetric(MetricName name, MetricValueProvider<?> provider) {
    metrics.addMetric(name, provider);
  }

  @Override
  public void removeMetric(MetricName name) {
    metrics.removeMetric(name);
  }

  @Override
  public Sensor addSensor(String name) {
    return metrics.sensor(name);
  }

  @Override
  public void removeSensor(String name) {
    metrics.removeSensor(name);
  }

  @Override
  public void close() {
    metrics.close();
  }
}
