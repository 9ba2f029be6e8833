package dev.sluice.api.common.eventtime;

/** Where a watermark generator sends watermarks. */
public interface WatermarkOutput {
  void emitWatermark(Watermark watermark);

  /** No records will come for a while: do not hold event time back. */
  void markIdle();

  /** Records come again (also implied by the next watermark). */
  void markActive();
}
