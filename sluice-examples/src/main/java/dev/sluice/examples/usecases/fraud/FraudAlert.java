package dev.sluice.examples.usecases.fraud;

import java.util.List;

/**
 * A transaction made while its card had been used elsewhere shortly before.
 *
 * @param cardId the card
 * @param transactionId the transaction that completed the pattern
 * @param timestamp its event time
 * @param locations the distinct locations of the card's transactions in the span up to and
 *     including this one, sorted (at least two)
 * @param since the event time of the earliest of those transactions
 */
public record FraudAlert(String cardId, String transactionId, long timestamp, List<String> locations,
    long since) {
  public FraudAlert {
    locations = List.copyOf(locations);
  }

  /** A one-line description for people. */
  public String describe() {
    return cardId + " used in " + String.join(", ", locations) + " within "
        + (timestamp - since) + " ms (transaction " + transactionId + " at " + timestamp + ")";
  }
}
