package dev.sluice.examples.usecases.sessions;

import static dev.sluice.examples.usecases.Randomness.START_MILLIS;
import static dev.sluice.examples.usecases.Randomness.below;

import dev.sluice.connector.datagen.source.GeneratorFunction;
import java.util.List;

/**
 * Makes page view {@code i} from {@code i} alone. Users take turns ({@code i % users}); each
 * user's views come in bursts of {@link #VIEWS_PER_BURST}, one burst per hour of event time, with
 * 30 s to 5 min between the views of a burst. So a burst lasts at most 45 min and the pause before
 * the next one is 15 to 60 min: sometimes shorter than the 30-minute session gap (two bursts make
 * one session), usually longer. Timestamps are moved back by up to {@code outOfOrdernessMillis}.
 */
public final class ClickstreamGenerator implements GeneratorFunction<Long, PageView> {
  private static final long serialVersionUID = 1L;
  public static final int VIEWS_PER_BURST = 10;
  public static final long BURST_EVERY_MILLIS = 60 * 60_000;
  public static final List<String> PAGES = List.of("/", "/search", "/product/1", "/product/2",
      "/product/3", "/product/4", "/cart", "/checkout", "/account", "/help");

  private final int users;
  private final long outOfOrdernessMillis;

  public ClickstreamGenerator(int users, long outOfOrdernessMillis) {
    if (users < 1 || outOfOrdernessMillis < 0) {
      throw new IllegalArgumentException("Need users >= 1 and outOfOrdernessMillis >= 0, got "
          + users + ", " + outOfOrdernessMillis);
    }
    this.users = users;
    this.outOfOrdernessMillis = outOfOrdernessMillis;
  }

  @Override
  public PageView map(Long index) {
    long i = index;
    int user = (int) (i % users);
    long view = i / users; // the user's view number
    long burst = view / VIEWS_PER_BURST;
    long burstId = burst * 1_000_003L + user;
    long offset = 0;
    for (long k = 0; k < view % VIEWS_PER_BURST; k++) {
      offset += 30_000 + below(burstId * 16 + k, 1, 270_001);
    }
    long timestamp = START_MILLIS + burst * BURST_EVERY_MILLIS + user * 1_000L + offset
        - below(i, 2, outOfOrdernessMillis + 1);
    String page = PAGES.get((int) below(i, 3, PAGES.size()));
    return new PageView(String.format("user-%04d", user), page, timestamp);
  }
}
