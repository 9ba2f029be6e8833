package dev.sluice.api.common.eventtime;

/**
 * The strategy of {@link WatermarkStrategy#noWatermarks()}: records keep the timestamp they came
 * with and event time does not advance until a bounded input ends. The runtime recognizes it and
 * skips watermark generation altogether.
 */
public final class NoWatermarksStrategy<T> implements WatermarkStrategy<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
    return new WatermarkGenerator<>() {
      @Override
      public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {}
    };
  }
}
