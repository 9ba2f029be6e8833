package dev.sluice.examples.usecases.fraud;

import java.util.Comparator;

/** A card payment: which card, how much, where, and when (event time, ms). */
public record Transaction(String transactionId, String cardId, double amount, String location,
    long timestamp) {
  /** Event-time order, then by content: a total order, so ties never depend on arrival order. */
  public static final Comparator<Transaction> EVENT_TIME_ORDER =
      Comparator.comparingLong(Transaction::timestamp)
          .thenComparing(Transaction::transactionId)
          .thenComparing(Transaction::cardId)
          .thenComparing(Transaction::location)
          .thenComparingDouble(Transaction::amount);
}
