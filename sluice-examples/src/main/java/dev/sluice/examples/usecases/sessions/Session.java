package dev.sluice.examples.usecases.sessions;

import java.time.Instant;
import java.util.Locale;

/**
 * One session of a user: page views with less than the session gap of inactivity between them.
 *
 * @param userId the user
 * @param start event time of the session's first page view
 * @param end event time of its last page view
 * @param durationMillis {@code end - start}
 * @param pagesViewed how many page views
 * @param distinctPages how many different pages
 */
public record Session(String userId, long start, long end, long durationMillis, int pagesViewed,
    int distinctPages) {
  /** A one-line description for people. */
  public String describe() {
    return String.format(Locale.ROOT, "%s from %s for %.1f min: %d page views, %d distinct pages",
        userId, Instant.ofEpochMilli(start), durationMillis / 60_000.0, pagesViewed, distinctPages);
  }
}
