package dev.sluice.runtime.operators;

import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.Triggerable;

/** Base of the built-in operators: keeps context, output and the current watermark. */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
  protected OperatorContext context;
  protected Output<OUT> output;
  protected long currentWatermark = Long.MIN_VALUE;
  /** The checkpoint the job was restored from, 0 when it started afresh. */
  protected long restoredCheckpointId;

  /** Records received so far; maintained by the caller, read for error positions and metrics. */
  public long recordsIn;

  @Override
  public void setup(OperatorContext context, Output<OUT> output) {
    this.context = context;
    this.output = output;
    this.watermarkGauge = context.metrics().gauge("currentWatermark");
  }

  private dev.sluice.runtime.metrics.OperatorMetrics.Gauge watermarkGauge;

  @Override
  public void open() throws Exception {}

  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    if (watermarkGauge != null) {
      watermarkGauge.set(watermark);
    }
    for (int i = 0; i < timerServices.size(); i++) {
      timerServices.get(i).advanceWatermark(watermark);
    }
    output.emitWatermark(watermark);
  }

  private final java.util.List<InternalTimerService<?>> timerServices = new java.util.ArrayList<>();

  /**
   * A service for keyed timers that fire on {@code target}; event-time timers fire as the
   * operator's watermark advances, before the watermark is forwarded. Keyed operators only.
   */
  protected <N> InternalTimerService<N> createTimerService(Triggerable<N> target) {
    if (context.keyedState() == null) {
      throw new IllegalStateException("Timers need a keyed stream: '" + context.operatorName()
          + "' is not keyed (use keyBy() before it)");
    }
    InternalTimerService<N> service = new InternalTimerService<>(context.keyedState(),
        context.processingTimeService(), target);
    timerServices.add(service);
    context.keyedState().registerTimerService(service);
    return service;
  }

  /** Restores keyed state and timers (for the head of a keyed chain), then {@link #initializeOperatorState}. */
  @Override
  public void initializeState(dev.sluice.runtime.checkpoint.OperatorRestore restore) throws Exception {
    restoredCheckpointId = restore.checkpointId();
    if (restore.keyedMeta() != null && context.keyedState() != null) {
      dev.sluice.runtime.state.KeyedStateBackend keyed = context.keyedState();
      if (restore.nativeState().isEmpty()) {
        keyed.restore(restore.keyedMeta(), restore.keyGroups());
      } else if (!keyed.restoreNative(restore.keyedMeta(), restore.keyGroups(), restore.nativeState())) {
        keyed.restore(restore.keyedMeta(), dev.sluice.runtime.state.NativeStateReaders.toKeyGroups(
            context.operatorName(), restore));
      }
    }
    initializeOperatorState(restore);
  }

  /** Restores state an operator keeps itself (sources' splits, sinks' pending commits). */
  protected void initializeOperatorState(dev.sluice.runtime.checkpoint.OperatorRestore restore) throws Exception {}

  /** Snapshots keyed state and timers (for the head of a keyed chain), then {@link #snapshotOperatorState}. */
  @Override
  public void snapshotState(dev.sluice.runtime.checkpoint.SnapshotContext snapshot) throws Exception {
    if (context.keyedState() != null && context.keyedState().snapshotsEnabled()) {
      snapshot.setKeyedState(context.keyedState().snapshot(snapshot.checkpointId(), snapshot.savepoint()));
    }
    snapshotOperatorState(snapshot);
  }

  /** Snapshots state an operator keeps itself. */
  protected void snapshotOperatorState(dev.sluice.runtime.checkpoint.SnapshotContext snapshot) throws Exception {}

  @Override
  public void finish() throws Exception {}

  @Override
  public void close() throws Exception {}

  @Override
  public OperatorContext context() {
    return context;
  }

  /** Wraps a failure on the record at the current position. */
  public OperatorException failure(Object record, Throwable cause) {
    return new OperatorException(context.operatorName(), context.taskInfo(), recordsIn, record, cause);
  }
}
