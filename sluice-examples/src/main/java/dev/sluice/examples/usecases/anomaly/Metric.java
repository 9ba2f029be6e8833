package dev.sluice.examples.usecases.anomaly;

import java.util.Comparator;

/** A reading of one server's load: CPU and memory use in percent, at an event time in ms. */
public record Metric(String serverId, double cpu, double memory, long timestamp) {
  /** Event-time order, then by content: a total order, so ties never depend on arrival order. */
  public static final Comparator<Metric> EVENT_TIME_ORDER = Comparator.comparingLong(Metric::timestamp)
      .thenComparing(Metric::serverId)
      .thenComparingDouble(Metric::cpu)
      .thenComparingDouble(Metric::memory);
}
