package dev.sluice.runtime.execution;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.restartstrategy.RestartStrategies;
import dev.sluice.api.common.restartstrategy.RestartStrategies.RestartStrategyConfiguration;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.jobgraph.SavepointRestoreSettings;
import java.util.function.LongSupplier;

/**
 * Knobs of the runtime for one job.
 *
 * @param workerThreads threads of the worker pool
 * @param batchSize records per channel batch
 * @param channelCapacity batches (and control elements) a channel holds
 * @param autoWatermarkIntervalMs period of watermark generation at sources; 0 disables it
 * @param clock processing time in epoch milliseconds
 * @param config the job's execution config (serializers for state come from it)
 * @param checkpointing checkpoint settings, or null when the job does not checkpoint
 * @param restartStrategy what happens when the job fails
 * @param restore where the job starts from
 */
public record RuntimeSettings(int workerThreads, int batchSize, int channelCapacity,
    long autoWatermarkIntervalMs, LongSupplier clock, ExecutionConfig config,
    CheckpointSettings checkpointing, RestartStrategyConfiguration restartStrategy,
    SavepointRestoreSettings restore) {
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
    if (restartStrategy == null) {
      restartStrategy = RestartStrategies.noRestart();
    }
    if (restore == null) {
      restore = SavepointRestoreSettings.none();
    }
    if (config == null) {
      config = new ExecutionConfig();
    }
  }

  /** Settings without checkpointing or restarts. */
  public RuntimeSettings(int workerThreads, int batchSize, int channelCapacity,
      long autoWatermarkIntervalMs, LongSupplier clock) {
    this(workerThreads, batchSize, channelCapacity, autoWatermarkIntervalMs, clock, null, null,
        null, null);
  }

  public boolean checkpointingEnabled() {
    return checkpointing != null;
  }
}
