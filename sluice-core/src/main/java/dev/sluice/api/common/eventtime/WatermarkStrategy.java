package dev.sluice.api.common.eventtime;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a source or {@code assignTimestampsAndWatermarks} turns records into event time: a timestamp
 * assigner and a watermark generator, both created per source split or per subtask.
 */
@FunctionalInterface
public interface WatermarkStrategy<T> extends Serializable {
  WatermarkGenerator<T> createWatermarkGenerator();

  /** Default: keep the timestamp the record came with. */
  default TimestampAssigner<T> createTimestampAssigner() {
    return (element, recordTimestamp) -> recordTimestamp;
  }

  /** This strategy with timestamps taken from the records by {@code assigner}. */
  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      @Override
      public WatermarkGenerator<T> createWatermarkGenerator() {
        return base.createWatermarkGenerator();
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return assigner;
      }
    };
  }

  /** No watermarks: event time does not advance (until the end of a bounded input). */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return new NoWatermarksStrategy<>();
  }

  /** Timestamps only ever increase: the watermark follows the newest timestamp. */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return () -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);
  }

  /** Records may be up to {@code maxOutOfOrderness} behind the newest one and still be on time. */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    new BoundedOutOfOrdernessWatermarks<T>(maxOutOfOrderness); // validates now, at build time
    return () -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
  }
}
