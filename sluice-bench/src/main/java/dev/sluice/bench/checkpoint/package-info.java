/**
 * What checkpoints cost, on Sluice and on Apache Flink: the pause and duration of one checkpoint of
 * about 1 GB of keyed state ({@link dev.sluice.bench.checkpoint.BigStateCheckpoint}), the time from a
 * failure to the first output of the restarted job ({@link dev.sluice.bench.checkpoint.RestartTime}),
 * each run in fresh JVMs by {@link dev.sluice.bench.checkpoint.CheckpointBench}. The throughput cost of
 * periodic checkpoints is measured by the throughput harness ({@code --checkpoint-modes off,1000}).
 */
package dev.sluice.bench.checkpoint;
