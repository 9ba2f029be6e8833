package dev.sluice.examples.usecases.fraud;

import static dev.sluice.examples.usecases.Randomness.START_MILLIS;
import static dev.sluice.examples.usecases.Randomness.below;
import static dev.sluice.examples.usecases.Randomness.uniform;

import dev.sluice.connector.datagen.source.GeneratorFunction;
import java.util.List;

/**
 * Makes transaction {@code i} from {@code i} alone: one every 250 ms of event time, by one of
 * {@code cards} cards, normally at the card's home location. A share {@code anomalyRate} are made
 * with a cloned card: the card of one of the 8 transactions before, at another location, seconds
 * later. Timestamps are moved back by up to {@code outOfOrdernessMillis}.
 */
public final class TransactionGenerator implements GeneratorFunction<Long, Transaction> {
  private static final long serialVersionUID = 1L;
  public static final long MILLIS_BETWEEN_TRANSACTIONS = 250;
  public static final List<String> LOCATIONS = List.of("Amsterdam", "Berlin", "Lisbon", "London",
      "Madrid", "Milan", "Oslo", "Paris", "Prague", "Vienna", "Warsaw", "Zurich");

  private final int cards;
  private final long outOfOrdernessMillis;
  private final double anomalyRate;

  public TransactionGenerator(int cards, long outOfOrdernessMillis, double anomalyRate) {
    if (cards < 1 || outOfOrdernessMillis < 0 || !(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new IllegalArgumentException("Need cards >= 1, outOfOrdernessMillis >= 0 and "
          + "0 <= anomalyRate <= 1, got " + cards + ", " + outOfOrdernessMillis + ", " + anomalyRate);
    }
    this.cards = cards;
    this.outOfOrdernessMillis = outOfOrdernessMillis;
    this.anomalyRate = anomalyRate;
  }

  @Override
  public Transaction map(Long index) {
    long i = index;
    long timestamp = START_MILLIS + i * MILLIS_BETWEEN_TRANSACTIONS - below(i, 1, outOfOrdernessMillis + 1);
    int card = (int) below(i, 2, cards);
    int location = home(card);
    if (i >= 8 && uniform(i, 3) < anomalyRate) {
      card = (int) below(i - 1 - below(i, 4, 8), 2, cards); // the card of a recent transaction
      location = (home(card) + 1 + (int) below(i, 5, LOCATIONS.size() - 1)) % LOCATIONS.size();
    }
    double amount = 5 + Math.round(49_500 * uniform(i, 6) * uniform(i, 7)) / 100.0;
    return new Transaction("tx-" + i, String.format("card-%04d", card), amount, LOCATIONS.get(location),
        timestamp);
  }

  private static int home(int card) {
    return (int) below(card, 8, LOCATIONS.size());
  }
}
