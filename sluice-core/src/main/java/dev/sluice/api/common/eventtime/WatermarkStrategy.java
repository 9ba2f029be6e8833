package dev.sluice.api.common.eventtime;

import java.time.Duration;

/**
 * How a source or {@code assignTimestampsAndWatermarks} turns records into event time: a timestamp
 * assigner and a watermark generator, both created per source split (per Kafka partition, per
 * file) or per parallel subtask.
 */
@FunctionalInterface
public interface WatermarkStrategy<T>
    extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

  @Override
  WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

  /** Default: keep the timestamp the record came with. */
  @Override
  default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return (element, recordTimestamp) -> recordTimestamp;
  }

  /** This strategy with timestamps taken from the records by {@code assigner}. */
  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
    if (assigner == null) {
      throw new NullPointerException("The timestamp assigner must not be null");
    }
    return withTimestampAssigner((TimestampAssignerSupplier<T>) context -> assigner);
  }

  /** This strategy with timestamps from assigners that {@code supplier} creates. */
  default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return base.createWatermarkGenerator(context);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return supplier.createTimestampAssigner(context);
      }
    };
  }

  /**
   * This strategy, but an input (a split, a subtask) that sends no record for {@code idleTimeout}
   * is marked idle and stops holding event time back until it sends again.
   */
  default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("The idle timeout must be positive, got " + idleTimeout);
    }
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout,
            context.getInputActivityClock());
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return base.createTimestampAssigner(context);
      }
    };
  }

  /** No watermarks: event time does not advance (until the end of a bounded input). */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return new NoWatermarksStrategy<>();
  }

  /** Timestamps only ever increase: the watermark follows the newest timestamp. */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return context -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);
  }

  /** Records may be up to {@code maxOutOfOrderness} behind the newest one and still be on time. */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    new BoundedOutOfOrdernessWatermarks<T>(maxOutOfOrderness); // validates now, at build time
    return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
  }

  /** Watermarks from a custom generator ({@code onEvent} / {@code onPeriodicEmit}). */
  static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
    if (generatorSupplier == null) {
      throw new NullPointerException("The watermark generator supplier must not be null");
    }
    return generatorSupplier::createWatermarkGenerator;
  }
}
