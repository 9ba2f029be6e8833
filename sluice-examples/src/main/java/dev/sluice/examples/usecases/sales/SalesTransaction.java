package dev.sluice.examples.usecases.sales;

/**
 * One e-commerce sale.
 *
 * @param transactionId unique id
 * @param category the product category, e.g. {@code books}
 * @param amount the amount paid, with at most two decimals
 * @param timestamp event time in ms
 */
public record SalesTransaction(String transactionId, String category, double amount, long timestamp) {
  /** The amount in cents, exactly (amounts have at most two decimals). */
  public long cents() {
    return Math.round(amount * 100);
  }
}
