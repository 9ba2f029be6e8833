package dev.sluice.runtime.operators;

import dev.sluice.api.common.eventtime.TimestampAssigner;
import dev.sluice.api.common.eventtime.TimestampAssignerSupplier;
import dev.sluice.api.common.eventtime.Watermark;
import dev.sluice.api.common.eventtime.WatermarkGenerator;
import dev.sluice.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.sluice.api.common.eventtime.WatermarkOutput;
import dev.sluice.api.common.eventtime.WatermarkStrategy;

/**
 * {@code assignTimestampsAndWatermarks}: gives each record its event timestamp and generates
 * watermarks per subtask — on every record ({@code onEvent}) and every auto-watermark interval
 * ({@code onPeriodicEmit}, on the subtask's processing-time clock). Watermarks from upstream are
 * replaced by the generated ones, except the final one of a bounded input, which passes.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T>, BatchOperator, WatermarkOutput {
  private final WatermarkStrategy<T> strategy;
  private TimestampAssigner<T> assigner;
  private WatermarkGenerator<T> generator;
  private long emitted = Long.MIN_VALUE;
  private boolean idle;
  // a batch's records with their new timestamps, handed on before any watermark they cause
  private Object[] batchValues;
  private long[] batchTimestamps = new long[0];
  private int batched;

  public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
    this.strategy = strategy;
  }

  @Override
  public void open() throws Exception {
    assigner = strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {});
    WatermarkGeneratorSupplier.Context generatorContext = () -> context::currentProcessingTime;
    generator = strategy.createWatermarkGenerator(generatorContext);
    long interval = context.autoWatermarkIntervalMs();
    if (interval > 0) {
      long first = context.currentProcessingTime() + interval;
      context.processingTimeService().schedule(first, this::onPeriodic);
    }
  }

  private void onPeriodic(long time) {
    generator.onPeriodicEmit(this);
    long interval = context.autoWatermarkIntervalMs();
    context.processingTimeService().schedule(
        Math.max(time + interval, context.currentProcessingTime()), this::onPeriodic);
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    long ts = assigner.extractTimestamp(value, timestamp);
    output.collect(value, ts);
    generator.onEvent(value, ts, this); // after the record: a watermark never overtakes it
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processBatch(Object[] values, long[] timestamps, int size) throws Exception {
    if (batchTimestamps.length < size) {
      batchTimestamps = new long[size];
    }
    batchValues = new Object[size]; // young: see StreamMap
    for (int i = 0; i < size; i++) {
      recordsIn++;
      T value = (T) values[i];
      long ts = assigner.extractTimestamp(value, timestamps[i]);
      batchValues[batched] = value;
      batchTimestamps[batched] = ts;
      batched++;
      generator.onEvent(value, ts, this);
    }
    flushBatch();
    batchValues = null;
  }

  private void flushBatch() {
    if (batched > 0) {
      int n = batched;
      batched = 0;
      output.collectBatch(batchValues, batchTimestamps, n);
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    if (watermark == Long.MAX_VALUE && emitted < Long.MAX_VALUE) {
      emitted = Long.MAX_VALUE;
      currentWatermark = watermark;
      markActive();
      output.emitWatermark(watermark);
    }
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    flushBatch(); // the records before this watermark go first
    long ts = watermark.getTimestamp();
    markActive();
    if (ts > emitted) {
      emitted = ts;
      currentWatermark = ts;
      output.emitWatermark(ts);
    }
  }

  @Override
  public void markIdle() {
    flushBatch();
    if (!idle) {
      idle = true;
      output.emitIdleStatus(true);
    }
  }

  @Override
  public void markActive() {
    if (idle) {
      flushBatch();
      idle = false;
      output.emitIdleStatus(false);
    }
  }
}
