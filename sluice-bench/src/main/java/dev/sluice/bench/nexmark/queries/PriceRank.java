package dev.sluice.bench.nexmark.queries;

/**
 * The price levels of the statistics queries (15, 16, 17): rank 1 below 10,000, rank 2 from
 * 10,000 to below 1,000,000, rank 3 from 1,000,000 (prices in cents).
 */
final class PriceRank {
  private PriceRank() {}

  /** 1, 2 or 3. */
  static int of(long price) {
    if (price < 10_000) {
      return 1;
    }
    return price < 1_000_000 ? 2 : 3;
  }
}
