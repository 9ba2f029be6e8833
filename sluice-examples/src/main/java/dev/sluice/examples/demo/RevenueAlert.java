package dev.sluice.examples.demo;

import java.util.Locale;

/**
 * A category whose revenue in the window {@code [windowStart, windowEnd)} jumped above a factor of
 * its revenue in the window just before.
 */
public record RevenueAlert(String category, long windowStart, long windowEnd, double revenue,
    double previousRevenue) {
  /** How many times the previous window's revenue. */
  public double factor() {
    return previousRevenue > 0 ? revenue / previousRevenue : Double.POSITIVE_INFINITY;
  }

  /** A short description for the live view. */
  public String describe() {
    return String.format(Locale.ROOT, "%s %-11s %,10.2f = %.1fx the window before (%,.2f)",
        DemoTime.window(windowStart, windowEnd), category, revenue, factor(), previousRevenue);
  }
}
