package dev.sluice.examples.demo;

/** Running totals of one category: how many orders, and their revenue. */
public record CategoryRevenue(String category, long orders, double revenue) {
  /** The totals of a single order. */
  public static CategoryRevenue of(Order order) {
    return new CategoryRevenue(order.category(), 1, order.amount());
  }

  /** These totals plus {@code other}'s (same category). */
  public CategoryRevenue add(CategoryRevenue other) {
    return new CategoryRevenue(category, orders + other.orders, revenue + other.revenue);
  }
}
