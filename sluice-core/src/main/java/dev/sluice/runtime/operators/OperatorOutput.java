package dev.sluice.runtime.operators;

import dev.sluice.runtime.metrics.OperatorMetrics;
import dev.sluice.util.OutputTag;
import java.util.List;
import java.util.Map;

/**
 * The output of one operator: its main consumers (chained operators, channel writers) and, per side
 * output tag, the side consumers. Side-output records nobody consumes are counted in the
 * operator's {@value #UNCONSUMED_SIDE_RECORDS} metric, not lost silently.
 */
public final class OperatorOutput<T> implements Output<T> {
  /** Metric: side-output records emitted with a tag no downstream consumes. */
  public static final String UNCONSUMED_SIDE_RECORDS = "numUnconsumedSideOutputRecords";

  private final Output<T>[] mains;
  private final Map<OutputTag<?>, Output<Object>[]> sides;
  private final Output<T> single;
  private final OperatorMetrics.Counter unconsumedSideRecords;

  @SuppressWarnings("unchecked")
  public OperatorOutput(List<Output<T>> mains, Map<OutputTag<?>, List<Output<Object>>> sides,
      OperatorMetrics metrics) {
    this.unconsumedSideRecords = metrics.counter(UNCONSUMED_SIDE_RECORDS);
    this.mains = mains.toArray(new Output[0]);
    this.single = this.mains.length == 1 ? this.mains[0] : null;
    this.sides = new java.util.HashMap<>();
    sides.forEach((tag, outs) -> this.sides.put(tag, outs.toArray(new Output[0])));
  }

  @Override
  public void collect(T value, long timestamp) {
    if (single != null) {
      single.collect(value, timestamp);
      return;
    }
    for (Output<T> out : mains) {
      out.collect(value, timestamp);
    }
  }

  @Override
  public void collectBatch(Object[] values, long[] timestamps, int size) {
    if (single != null) {
      single.collectBatch(values, timestamps, size);
      return;
    }
    for (Output<T> out : mains) {
      out.collectBatch(values, timestamps, size);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    Output<Object>[] outs = sides.get(tag);
    if (outs == null) {
      unconsumedSideRecords.inc();
      return;
    }
    for (Output<Object> out : outs) {
      out.collect(value, timestamp);
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    for (Output<T> out : mains) {
      out.emitWatermark(watermark);
    }
    for (Output<Object>[] outs : sides.values()) {
      for (Output<Object> out : outs) {
        out.emitWatermark(watermark);
      }
    }
  }

  @Override
  public void emitIdleStatus(boolean idle) {
    for (Output<T> out : mains) {
      out.emitIdleStatus(idle);
    }
    for (Output<Object>[] outs : sides.values()) {
      for (Output<Object> out : outs) {
        out.emitIdleStatus(idle);
      }
    }
  }
}
