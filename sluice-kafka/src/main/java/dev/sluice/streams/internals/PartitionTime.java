package dev.sluice.streams.internals;

import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkOutput;
import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.streams.KeyValue;

/**
 * The watermarks of the DSL's sources: per partition (split), the partition time — the largest
 * record timestamp read from the partition so far — emitted after each record that raises it.
 * Sources that use it mark a partition idle while it has nothing left to read (see {@link
 * StreamTime}), so the engine's watermark downstream is the least partition time of the
 * partitions that still have records to deliver.
 */
public final class PartitionTime {
  private PartitionTime() {}

  public static WatermarkStrategy<KeyValue<Object, Object>> strategy() {
    return WatermarkStrategy.forGenerator(context -> new Generator());
  }

  private static final class Generator implements WatermarkGenerator<KeyValue<Object, Object>> {
    private long max = Long.MIN_VALUE;

    @Override
    public void onEvent(KeyValue<Object, Object> event, long timestamp, WatermarkOutput output) {
      if (timestamp > max) {
        max = timestamp;
        output.emitWatermark(new Watermark(timestamp));
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }
}
