package dev.sluice.examples.demo;

import dev.sluice.examples.usecases.sales.CategorySales;
import dev.sluice.examples.usecases.sales.SalesTransaction;

/**
 * What the live view receives: exactly one of a running total, a window result, an alert or a
 * late order (the others are null).
 */
public record DemoUpdate(CategoryRevenue running, CategorySales window, RevenueAlert alert,
    SalesTransaction late) {
  public static DemoUpdate of(CategoryRevenue running) {
    return new DemoUpdate(running, null, null, null);
  }

  public static DemoUpdate of(CategorySales window) {
    return new DemoUpdate(null, window, null, null);
  }

  public static DemoUpdate of(RevenueAlert alert) {
    return new DemoUpdate(null, null, alert, null);
  }

  public static DemoUpdate late(SalesTransaction order) {
    return new DemoUpdate(null, null, null, order);
  }
}
