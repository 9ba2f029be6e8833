package dev.sluice.examples.demo;

import dev.sluice.connector.datagen.source.GeneratorFunction;
import java.util.List;

/**
 * Makes order number {@code i} from {@code i} alone, so that every run — at any parallelism —
 * produces the same orders. Eight categories with skewed popularity; amounts from 5.00 to 500.00,
 * small ones more frequent; timestamps 10 ms apart from a fixed start, moved back by up to
 * {@link #MAX_OUT_OF_ORDERNESS_MILLIS}; in addition one order in {@link #LATE_ONE_IN} arrives 3 to
 * 20 s late (its timestamp that much further back), so some land behind the windows' allowed
 * lateness.
 */
public final class OrderGenerator implements GeneratorFunction<Long, Order> {
  private static final long serialVersionUID = 1L;

  /** 2025-01-01T00:00:00Z. */
  public static final long START_MILLIS = 1_735_689_600_000L;
  public static final long MILLIS_BETWEEN_ORDERS = 10;
  /** How far an ordinary order's timestamp may lag behind those of orders generated before it. */
  public static final long MAX_OUT_OF_ORDERNESS_MILLIS = 2_000;
  /** One order in this many is very late. */
  public static final int LATE_ONE_IN = 200;

  /** Category names, most popular first. */
  public static final List<String> CATEGORIES = List.of("electronics", "books", "fashion", "home",
      "sports", "toys", "beauty", "garden");
  /** Relative popularity of {@link #CATEGORIES}, in percent. */
  private static final int[] WEIGHTS = {28, 20, 15, 12, 10, 7, 5, 3};
  private static final String[][] PRODUCTS = {
      {"headphones", "phone case", "usb-c cable", "smartwatch", "laptop stand"},
      {"novel", "cookbook", "travel guide", "comic", "textbook"},
      {"t-shirt", "sneakers", "jacket", "scarf", "jeans"},
      {"lamp", "mug", "pillow", "rug", "kettle"},
      {"yoga mat", "football", "water bottle", "dumbbells", "tent"},
      {"puzzle", "board game", "plush bear", "building blocks", "kite"},
      {"lipstick", "face cream", "shampoo", "perfume", "nail polish"},
      {"seeds", "hose", "shovel", "planter", "gloves"},
  };
  private static final String[] CATEGORY_BY_PERCENT = new String[100];
  private static final int[] INDEX_BY_PERCENT = new int[100];

  static {
    int p = 0;
    for (int c = 0; c < WEIGHTS.length; c++) {
      for (int k = 0; k < WEIGHTS[c]; k++, p++) {
        CATEGORY_BY_PERCENT[p] = CATEGORIES.get(c);
        INDEX_BY_PERCENT[p] = c;
      }
    }
    if (p != 100) {
      throw new AssertionError("category weights must add up to 100");
    }
  }

  @Override
  public Order map(Long index) {
    return order(index);
  }

  /** Order number {@code index}. */
  public static Order order(long index) {
    long h1 = mix(index);
    long h2 = mix(h1 ^ 0x5DEECE66DL);
    int percent = (int) Long.remainderUnsigned(h1, 100);
    int category = INDEX_BY_PERCENT[percent];
    String[] products = PRODUCTS[category];
    String product = products[(int) Long.remainderUnsigned(h1 >>> 32, products.length)];
    double u = (h2 >>> 11) * 0x1.0p-53; // uniform in [0, 1)
    long cents = 500 + Math.round(49_500 * u * u); // 5.00 .. 500.00, skewed towards small amounts
    long h3 = mix(h2 + 0x2545F4914F6CDD1DL);
    long timestamp = START_MILLIS + index * MILLIS_BETWEEN_ORDERS
        - Long.remainderUnsigned(h3, MAX_OUT_OF_ORDERNESS_MILLIS + 1);
    if (Long.remainderUnsigned(h3 >>> 40, LATE_ONE_IN) == 0) {
      timestamp -= 3_000 + Long.remainderUnsigned(mix(h3), 17_001);
    }
    return new Order(index, CATEGORY_BY_PERCENT[percent], product, cents / 100.0, timestamp);
  }

  /** A 64-bit finalizer (splitmix64): consecutive inputs give unrelated outputs. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
