package dev.sluice.examples.usecases.anomaly;

import java.util.Locale;

/**
 * A reading outside its server's normal band: {@code |value - baseline| > band}.
 *
 * @param serverId the server
 * @param metric {@code "cpu"} or {@code "memory"}
 * @param value the reading
 * @param baseline the mean of the server's previous readings of that metric
 * @param band how far from the baseline a reading may be before it is an anomaly
 * @param timestamp the reading's event time
 */
public record Alert(String serverId, String metric, double value, double baseline, double band,
    long timestamp) {
  /** A one-line description for people. */
  public String describe() {
    return String.format(Locale.ROOT, "%s %s=%.1f%% baseline %.1f%% +/- %.1f at %d",
        serverId, metric, value, baseline, band, timestamp);
  }
}
