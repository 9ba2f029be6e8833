package dev.sluice.api.common;

import java.util.function.LongSupplier;

/**
 * Settings of a job's execution: Flink's familiar ones and the runtime's own knobs (worker threads,
 * channel batch size and capacity, the processing-time clock).
 */
public final class ExecutionConfig {
  private long autoWatermarkInterval = 200;
  private int workerThreads = Runtime.getRuntime().availableProcessors();
  private int channelBatchSize = 1024;
  private int channelCapacity = 32;
  private LongSupplier processingTimeClock = System::currentTimeMillis;

  /** How often sources generate periodic watermarks, in ms; 0 turns periodic watermarks off. */
  public ExecutionConfig setAutoWatermarkInterval(long intervalMs) {
    if (intervalMs < 0) {
      throw new IllegalArgumentException("The auto-watermark interval must be >= 0, got " + intervalMs);
    }
    this.autoWatermarkInterval = intervalMs;
    return this;
  }

  public long getAutoWatermarkInterval() {
    return autoWatermarkInterval;
  }

  /** Threads that run the job's subtasks (default: one per core). */
  public ExecutionConfig setWorkerThreads(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("The number of worker threads must be at least 1, got " + threads);
    }
    this.workerThreads = threads;
    return this;
  }

  public int getWorkerThreads() {
    return workerThreads;
  }

  /** Records per batch on a channel between subtasks. */
  public ExecutionConfig setChannelBatchSize(int records) {
    if (records <= 0) {
      throw new IllegalArgumentException("The channel batch size must be at least 1, got " + records);
    }
    this.channelBatchSize = records;
    return this;
  }

  public int getChannelBatchSize() {
    return channelBatchSize;
  }

  /** Batches a channel holds before the producer is held back (backpressure). */
  public ExecutionConfig setChannelCapacity(int batches) {
    if (batches < 2) {
      throw new IllegalArgumentException("The channel capacity must be at least 2 batches, got " + batches);
    }
    this.channelCapacity = batches;
    return this;
  }

  public int getChannelCapacity() {
    return channelCapacity;
  }

  /** The processing-time clock (epoch ms); tests pass a virtual one. */
  public ExecutionConfig setProcessingTimeClock(LongSupplier clock) {
    this.processingTimeClock = java.util.Objects.requireNonNull(clock, "clock");
    return this;
  }

  public LongSupplier getProcessingTimeClock() {
    return processingTimeClock;
  }
}
