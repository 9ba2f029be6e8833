package dev.sluice.runtime.execution;

import java.util.function.LongSupplier;

/**
 * Knobs of the runtime for one job.
 *
 * @param workerThreads threads of the worker pool
 * @param batchSize records per channel batch
 * @param channelCapacity batches (and control elements) a channel holds
 * @param autoWatermarkIntervalMs period of watermark generation at sources; 0 disables it
 * @param clock processing time in epoch milliseconds
 */
public record RuntimeSettings(int workerThreads, int batchSize, int channelCapacity,
    long autoWatermarkIntervalMs, LongSupplier clock) {
  public RuntimeSettings {
    if (workerThreads <= 0) {
      throw new IllegalArgumentException("workerThreads must be at least 1, got " + workerThreads);
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (channelCapacity < 2) {
      throw new IllegalArgumentException("channelCapacity must be at least 2, got " + channelCapacity);
    }
  }
}
