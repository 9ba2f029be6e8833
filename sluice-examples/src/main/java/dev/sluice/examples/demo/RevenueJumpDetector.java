package dev.sluice.examples.demo;

import dev.sluice.api.common.functions.OpenContext;
import dev.sluice.api.common.state.ValueState;
import dev.sluice.api.common.state.ValueStateDescriptor;
import dev.sluice.examples.usecases.sales.CategorySales;
import dev.sluice.streaming.api.functions.KeyedProcessFunction;
import dev.sluice.util.Collector;

/**
 * Per category, on its window results: alerts when a window's first (on-time) result has more than
 * {@code factor} times the revenue of the on-time result of the window right before it.
 *
 * <p>Only a category's newest window counts: a result for a window that is not newer than the last
 * one seen (an update from late orders, or a window opened by a late order) is ignored. Results of
 * one category arrive in the order the window operator emitted them, so this is deterministic.
 */
public class RevenueJumpDetector extends KeyedProcessFunction<String, CategorySales, RevenueAlert> {
  private static final long serialVersionUID = 1L;

  private final long windowMillis;
  private final double factor;
  private transient ValueState<CategorySales> newest;

  public RevenueJumpDetector(long windowMillis, double factor) {
    if (windowMillis <= 0 || !(factor > 1)) {
      throw new IllegalArgumentException("Need windowMillis > 0 and factor > 1, got " + windowMillis + ", " + factor);
    }
    this.windowMillis = windowMillis;
    this.factor = factor;
  }

  @Override
  public void open(OpenContext openContext) {
    newest = getRuntimeContext().getState(new ValueStateDescriptor<>("newest-window", CategorySales.class));
  }

  @Override
  public void processElement(CategorySales sales, Context ctx, Collector<RevenueAlert> out) throws Exception {
    CategorySales previous = newest.value();
    if (previous != null && sales.windowStart() <= previous.windowStart()) {
      return;
    }
    if (previous != null && previous.windowStart() + windowMillis == sales.windowStart()
        && previous.total() > 0 && sales.total() > factor * previous.total()) {
      out.collect(new RevenueAlert(sales.category(), sales.windowStart(), sales.windowEnd(), sales.total(),
          previous.total()));
    }
    newest.update(sales);
  }
}
