package dev.sluice.examples.demo;

import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, punctuated: after each order whose timestamp raises the highest one
 * seen, the watermark {@code highest - outOfOrderness - 1}. Emitted on the order, not on a
 * processing-time period, so which orders are late depends only on the order of the stream.
 */
public final class OrderWatermarks implements WatermarkGenerator<Order> {
  private final long outOfOrderness;
  private long highest = Long.MIN_VALUE;

  public OrderWatermarks(long outOfOrderness) {
    this.outOfOrderness = outOfOrderness;
  }

  @Override
  public void onEvent(Order order, long timestamp, WatermarkOutput output) {
    if (timestamp > highest) {
      highest = timestamp;
      output.emitWatermark(new Watermark(highest - outOfOrderness - 1));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
