package dev.sluice.api.common.eventtime;

import java.io.Serializable;

/** Creates a watermark generator per source split or per parallel subtask. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
  WatermarkGenerator<T> createWatermarkGenerator(Context context);

  /** What a generator may use: the clock by which idleness is measured. */
  interface Context {
    /** Processing time in milliseconds (the job's clock, virtual in tests). */
    RelativeClock getInputActivityClock();
  }
}
