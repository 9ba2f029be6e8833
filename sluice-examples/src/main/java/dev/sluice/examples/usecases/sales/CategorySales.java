package dev.sluice.examples.usecases.sales;

import java.time.Instant;
import java.util.Locale;

/**
 * The sales of one category in one event-time window {@code [windowStart, windowEnd)}.
 *
 * @param category the category
 * @param windowStart first ms of the window
 * @param windowEnd first ms after the window
 * @param count how many transactions
 * @param total their amounts summed (exact to the cent)
 */
public record CategorySales(String category, long windowStart, long windowEnd, long count, double total) {
  /** A one-line description for people. */
  public String describe() {
    return String.format(Locale.ROOT, "%-11s [%s, %s) %,6d sales %,14.2f", category,
        Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), count, total);
  }
}
