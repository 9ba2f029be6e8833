package dev.sluice.examples.usecases.sales;

import static dev.sluice.examples.usecases.Randomness.START_MILLIS;
import static dev.sluice.examples.usecases.Randomness.below;
import static dev.sluice.examples.usecases.Randomness.uniform;

import dev.sluice.connector.datagen.source.GeneratorFunction;
import java.util.List;

/**
 * Makes transaction {@code i} from {@code i} alone: one sale every {@link #MILLIS_BETWEEN_SALES}
 * ms of event time, in one of {@link #CATEGORIES} (skewed popularity), 1.00 to 500.00 (small
 * amounts more frequent). Timestamps are moved back by up to {@code outOfOrdernessMillis}; in
 * addition a share {@code lateRate} of sales arrives very late, 30 s to 4.5 min further back — some
 * of them still inside their window's allowed lateness, some beyond it.
 */
public final class SalesGenerator implements GeneratorFunction<Long, SalesTransaction> {
  private static final long serialVersionUID = 1L;
  public static final long MILLIS_BETWEEN_SALES = 100;
  public static final List<String> CATEGORIES =
      List.of("electronics", "books", "fashion", "home", "sports", "toys");
  private static final int[] CUMULATIVE_PERCENT = {30, 52, 70, 84, 94, 100};

  private final long outOfOrdernessMillis;
  private final double lateRate;

  public SalesGenerator(long outOfOrdernessMillis, double lateRate) {
    if (outOfOrdernessMillis < 0 || !(lateRate >= 0 && lateRate <= 1)) {
      throw new IllegalArgumentException("Need outOfOrdernessMillis >= 0 and 0 <= lateRate <= 1, got "
          + outOfOrdernessMillis + ", " + lateRate);
    }
    this.outOfOrdernessMillis = outOfOrdernessMillis;
    this.lateRate = lateRate;
  }

  @Override
  public SalesTransaction map(Long index) {
    long i = index;
    long percent = below(i, 1, 100);
    int category = 0;
    while (percent >= CUMULATIVE_PERCENT[category]) {
      category++;
    }
    double u = uniform(i, 2);
    long cents = 100 + Math.round(49_900 * u * u);
    long timestamp = START_MILLIS + i * MILLIS_BETWEEN_SALES - below(i, 3, outOfOrdernessMillis + 1);
    if (uniform(i, 4) < lateRate) {
      timestamp -= 30_000 + below(i, 5, 240_000);
    }
    return new SalesTransaction("tx-" + i, CATEGORIES.get(category), cents / 100.0, timestamp);
  }
}
